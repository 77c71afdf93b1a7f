//! Satisfaction arithmetic: the Net Promoter Score from 0–10 "would you recommend us" answers,
//! and CSI, the mean of 1–5 satisfaction answers.
//!
//! NPS = % promoters (9–10) − % detractors (0–6). Ten answers 10, 9, 9, 8, 7, 6, 3, 0, 10, 9
//! have five promoters and three detractors: 50 % − 30 % = NPS 20.

/// Where a 0–10 answer puts the customer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NpsGroup {
    /// 9 or 10.
    Promoter,
    /// 7 or 8.
    Passive,
    /// 0 to 6: their answer asks for a follow-up.
    Detractor,
}

/// The group of a 0–10 answer; `None` for a score outside 0–10.
pub fn nps_group(score: i32) -> Option<NpsGroup> {
    match score {
        9..=10 => Some(NpsGroup::Promoter),
        7..=8 => Some(NpsGroup::Passive),
        0..=6 => Some(NpsGroup::Detractor),
        _ => None,
    }
}

/// The counts behind an NPS.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NpsCounts {
    pub promoters: i64,
    pub passives: i64,
    pub detractors: i64,
}

impl NpsCounts {
    /// Counts the valid answers (scores outside 0–10 are left out).
    pub fn of(scores: impl IntoIterator<Item = i32>) -> Self {
        let mut counts = Self::default();
        for score in scores {
            match nps_group(score) {
                Some(NpsGroup::Promoter) => counts.promoters += 1,
                Some(NpsGroup::Passive) => counts.passives += 1,
                Some(NpsGroup::Detractor) => counts.detractors += 1,
                None => {}
            }
        }
        counts
    }

    pub fn answers(&self) -> i64 {
        self.promoters + self.passives + self.detractors
    }

    /// The NPS in basis points of a point (−10,000 … 10,000; NPS 20 is 2,000), rounded half
    /// away from zero; `None` without answers.
    pub fn nps_bp(&self) -> Option<i64> {
        let n = self.answers();
        (n > 0).then(|| div_round(10_000 * (self.promoters - self.detractors), n))
    }
}

/// The mean of 1–5 answers × 100 (4.25 is 425), rounded half away from zero; `None` without
/// valid answers (scores outside 1–5 are left out).
pub fn csi_centi(scores: impl IntoIterator<Item = i32>) -> Option<i64> {
    let (sum, n) = scores
        .into_iter()
        .filter(|s| (1..=5).contains(s))
        .fold((0i64, 0i64), |(sum, n), s| (sum + i64::from(s), n + 1));
    (n > 0).then(|| div_round(100 * sum, n))
}

/// `a / b` rounded half away from zero (`b` > 0).
fn div_round(a: i64, b: i64) -> i64 {
    let q = a / b;
    let r = a % b;
    if 2 * r.abs() >= b { q + a.signum() } else { q }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_issues_ten_answers_give_nps_20() {
        let counts = NpsCounts::of([10, 9, 9, 8, 7, 6, 3, 0, 10, 9]);
        assert_eq!(
            counts,
            NpsCounts {
                promoters: 5,
                passives: 2,
                detractors: 3
            }
        );
        assert_eq!(counts.nps_bp(), Some(2_000));
    }

    #[test]
    fn nps_runs_from_minus_100_to_100_and_rounds_to_the_basis_point() {
        assert_eq!(NpsCounts::of([0, 6, 3]).nps_bp(), Some(-10_000));
        assert_eq!(NpsCounts::of([10, 9]).nps_bp(), Some(10_000));
        assert_eq!(NpsCounts::of([7, 8]).nps_bp(), Some(0));
        // 1 promoter of 3: 33.333… → 3,333; 2 of 3: 66.666… → 6,667; 1 detractor of 3 → −3,333.
        assert_eq!(NpsCounts::of([10, 8, 7]).nps_bp(), Some(3_333));
        assert_eq!(NpsCounts::of([10, 9, 7]).nps_bp(), Some(6_667));
        assert_eq!(NpsCounts::of([2, 9, 9, 7, 7, 7]).nps_bp(), Some(1_667));
        assert_eq!(NpsCounts::of([2, 8, 7]).nps_bp(), Some(-3_333));
        assert_eq!(NpsCounts::of([]).nps_bp(), None);
        // Out-of-range answers are not counted.
        assert_eq!(NpsCounts::of([11, -1, 10]).answers(), 1);
    }

    #[test]
    fn groups_follow_the_standard_cut_offs() {
        assert_eq!(nps_group(9), Some(NpsGroup::Promoter));
        assert_eq!(nps_group(8), Some(NpsGroup::Passive));
        assert_eq!(nps_group(7), Some(NpsGroup::Passive));
        assert_eq!(nps_group(6), Some(NpsGroup::Detractor));
        assert_eq!(nps_group(0), Some(NpsGroup::Detractor));
        assert_eq!(nps_group(11), None);
    }

    #[test]
    fn csi_is_the_mean_satisfaction() {
        assert_eq!(csi_centi([5, 4, 4, 4]), Some(425));
        assert_eq!(csi_centi([5, 4, 4]), Some(433));
        assert_eq!(csi_centi([5, 5, 4]), Some(467));
        assert_eq!(csi_centi([0, 6]), None);
        assert_eq!(csi_centi([]), None);
    }
}
