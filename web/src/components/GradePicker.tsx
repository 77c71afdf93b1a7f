// Big grade buttons (H A B C, and N where it is allowed), each with what it means: easy to hit
// with a thumb on the showroom floor. Works as an antd form control (value / onChange).
import type { Grade } from '@/api/types';
import { useTranslation } from 'react-i18next';
import { gradeColor } from '@/lib/sales';

export function GradePicker({
  value,
  onChange,
  grades,
  clearable = false,
  testId = 'grade-picker',
}: {
  value?: Grade | null;
  onChange?: (grade: Grade | null) => void;
  grades: readonly Grade[];
  /** Tapping the chosen grade again clears it (for "only if it changed"). */
  clearable?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <div
      className="grade-picker"
      role="radiogroup"
      data-testid={testId}
      style={{ gridTemplateColumns: `repeat(${grades.length}, minmax(0, 1fr))` }}
    >
      {grades.map((grade) => {
        const on = value === grade;
        return (
          <button
            type="button"
            key={grade}
            role="radio"
            aria-checked={on}
            className={on ? 'grade-option selected' : 'grade-option'}
            style={
              on
                ? { background: gradeColor(grade), borderColor: gradeColor(grade), color: '#fff' }
                : { color: gradeColor(grade) }
            }
            onClick={() => onChange?.(clearable && on ? null : grade)}
            data-testid={`${testId}-${grade}`}
          >
            <span className="grade-option-letter">{grade}</span>
            <span className="grade-option-meaning">{t(`sales.gradeShort.${grade}`)}</span>
          </button>
        );
      })}
    </div>
  );
}
