// Rescheduling on the calendar by drag and drop: which blocks may be dragged, where they may be
// dropped (a slot, anywhere in a day column, a day of the month), and the change a drop makes.
import dayjs from 'dayjs';
import { useRef, useState, type DragEvent } from 'react';
import { activityEnd, activityStart, type Activity, type ActivityPatch } from '@/lib/work';
import { hhmm, instantOf, SLOT_MINUTES, SLOT_PX } from '@/lib/workCalendar';

/** The change that moves an activity to start at `start` (its length kept). */
function movePatch(activity: Activity, start: string): ActivityPatch {
  if (activity.starts_at) {
    const length = dayjs(activityEnd(activity)).diff(dayjs(activity.starts_at), 'minute');
    return {
      version: activity.version,
      starts_at: start,
      ends_at: dayjs(start).add(length, 'minute').utc().format('YYYY-MM-DDTHH:mm:ss[Z]'),
    };
  }
  return { version: activity.version, due_at: start };
}

export function useCalendarDrag({
  items,
  tz,
  mayWrite,
  onMove,
}: {
  items: readonly Activity[];
  tz: string;
  mayWrite: boolean;
  /** A planned activity dropped at another time: the change that moves it there. */
  onMove: (activity: Activity, patch: ActivityPatch) => void;
}) {
  const [over, setOver] = useState<string | null>(null);
  // While dragging, blocks let the pointer through so any slot (even a taken one) takes a drop.
  const [dragging, setDragging] = useState(false);
  const dragged = useRef<Activity | null>(null);

  const drop = (start: string, id: string) => {
    setOver(null);
    setDragging(false);
    const activity = items.find((a) => a.id === id) ?? dragged.current;
    dragged.current = null;
    if (!activity || activity.status !== 'planned') return;
    if (activityStart(activity) === start) return;
    onMove(activity, movePatch(activity, start));
  };

  const dragProps = (activity: Activity) => {
    // A test drive's entry moves with its booking, on the test-drive page.
    const followsRecord = activity.completion_locked && !activity.cancel_needs_approval;
    const movable = mayWrite && activity.status === 'planned' && !followsRecord;
    return {
      draggable: movable,
      onDragStart: (e: DragEvent) => {
        dragged.current = activity;
        e.dataTransfer.setData('text/plain', activity.id);
        e.dataTransfer.effectAllowed = 'move';
        // Changing the dragged element in dragstart itself can abort the drag.
        window.setTimeout(() => setDragging(true), 0);
      },
      onDragEnd: () => {
        setOver(null);
        setDragging(false);
      },
    };
  };

  const dropProps = (key: string, start: (moving: Activity | null) => string) => ({
    onDragOver: (e: DragEvent) => {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      if (over !== key) setOver(key);
    },
    onDragLeave: () => setOver((current) => (current === key ? null : current)),
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      const moving = dragged.current;
      const id = e.dataTransfer.getData('text/plain') || moving?.id || '';
      drop(start(items.find((a) => a.id === id) ?? moving), id);
    },
  });

  /** A day column takes drops anywhere (over other blocks too): the time is where the pointer is. */
  const columnDropProps = (date: string, firstHour: number) => {
    const slotAt = (e: DragEvent) => {
      const rect = e.currentTarget.getBoundingClientRect();
      const index = Math.max(0, Math.floor((e.clientY - rect.top) / SLOT_PX));
      return firstHour * 60 + index * SLOT_MINUTES;
    };
    return {
      onDragOver: (e: DragEvent) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        const key = `${date}T${hhmm(slotAt(e))}`;
        if (over !== key) setOver(key);
      },
      onDragLeave: (e: DragEvent) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(null);
      },
      onDrop: (e: DragEvent) => {
        e.preventDefault();
        const id = e.dataTransfer.getData('text/plain') || dragged.current?.id || '';
        drop(instantOf(date, slotAt(e), tz), id);
      },
    };
  };

  return { over, dragging, dragProps, dropProps, columnDropProps };
}
