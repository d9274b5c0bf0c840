//! "Did you mean" suggestions for `NameError` and `AttributeError`, with
//! CPython 3.11's distance and thresholds (Python/suggestions.c).

const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;
const MAX_STRING_SIZE: usize = 40;
const MAX_CANDIDATES: usize = 750;

fn substitution_cost(a: char, b: char) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// Levenshtein distance with CPython's costs, cut off above `max_cost`.
fn distance(a: &str, b: &str, max_cost: usize) -> usize {
    if a == b {
        return 0;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    // Strip common prefix and suffix.
    let pre = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[pre..], &b[pre..]);
    let suf = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - suf], &b[..b.len() - suf]);
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    let (a, b) = if b.len() < a.len() { (b, a) } else { (a, b) };
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut buffer: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, bc) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (ai, ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(*bc, *ac);
            distance = buffer[ai];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            buffer[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The best candidate for `name`, as CPython chooses it.
#[must_use]
pub fn best_match<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let mut best: Option<&str> = None;
    let mut best_distance = usize::MAX;
    let n = name.chars().count();
    for cand in candidates.into_iter().take(MAX_CANDIDATES) {
        if cand == name {
            continue;
        }
        let max =
            ((n + cand.chars().count() + 3) * MOVE_COST / 6).min(best_distance.saturating_sub(1));
        let d = distance(name, cand, max);
        if d > max {
            continue;
        }
        if best.is_none() || d < best_distance {
            best = Some(cand);
            best_distance = d;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_a_close_name() {
        assert_eq!(best_match("totl", ["total", "print"]), Some("total"));
    }

    #[test]
    fn no_suggestion_for_distant_names() {
        assert_eq!(best_match("undefined_name", ["x", "print"]), None);
    }

    #[test]
    fn case_differences_are_cheap() {
        assert_eq!(best_match("Total", ["total", "tota"]), Some("total"));
    }
}
