//! A byte trie of every word-list phrase, walked from the word starts of a draft.
//!
//! Why not Aho–Corasick: a phrase only counts at a word boundary (or inside a hashtag), so an
//! automaton that reports matches starting at every byte does most of its work on matches the
//! scan then throws away, and its failure links make it slow to build (about 250 ms for the
//! built-in lists in the wasm, once per worker). Walking a plain trie from each possible start
//! costs a few steps per word and builds in one pass over the sorted phrases.

/// No pattern ends at this node / no such child.
const NONE: u32 = u32::MAX;

/// The phrases as a trie in compressed-sparse-row form: node `n`'s edges are
/// `bytes[nodes[n].first..nodes[n + 1].first]` (sorted) with their targets in `child`. Nodes are
/// numbered depth first, so the rest of a phrase after its last branch lies in consecutive
/// memory: the walk is bound by cache misses, and measured faster so than breadth first.
#[derive(Debug, Default)]
pub(crate) struct Trie {
    nodes: Vec<Node>,
    bytes: Vec<u8>,
    child: Vec<u32>,
    /// The root's edges as a table: most walks stop after one or two bytes.
    root: Vec<u32>,
}

#[derive(Clone, Copy, Debug)]
struct Node {
    /// Where this node's edges start.
    first: u32,
    /// The pattern that ends here, or `NONE`.
    pattern: u32,
    /// The byte of the first (smallest) edge, whose target is always the next node: phrases are
    /// inserted in sorted order, so a node's first child is created right after it. Most nodes
    /// are links of a single phrase's chain, and the walk then reads consecutive nodes only.
    first_byte: u8,
}

impl Trie {
    /// Builds the trie of `patterns` (each distinct, none empty); pattern ids are positions.
    pub(crate) fn new(patterns: &[String]) -> Trie {
        let mut order: Vec<u32> = (0..patterns.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| patterns[a as usize].as_bytes().cmp(patterns[b as usize].as_bytes()));
        // Children as lists while building: phrases come in sorted order, so a new child always
        // sorts after its siblings and is pushed at the end.
        let mut kids: Vec<Vec<(u8, u32)>> = vec![Vec::new()];
        let mut pattern: Vec<u32> = vec![NONE];
        for id in order {
            let mut node = 0usize;
            for &b in patterns[id as usize].as_bytes() {
                node = match kids[node].last() {
                    Some(&(last, next)) if last == b => next as usize,
                    _ => {
                        let next = kids.len();
                        kids.push(Vec::new());
                        pattern.push(NONE);
                        kids[node].push((b, next as u32));
                        next
                    }
                };
            }
            pattern[node] = id;
        }
        let mut trie = Trie { root: vec![NONE; 256], ..Trie::default() };
        trie.nodes.reserve(kids.len() + 1);
        for (n, (edges, &pattern)) in kids.iter().zip(&pattern).enumerate() {
            let first_byte = edges.first().map_or(0, |&(b, next)| {
                debug_assert_eq!(next as usize, n + 1, "a node's first child is the next node");
                b
            });
            trie.nodes.push(Node { first: trie.bytes.len() as u32, pattern, first_byte });
            for &(b, next) in edges {
                trie.bytes.push(b);
                trie.child.push(next);
            }
        }
        trie.nodes.push(Node { first: trie.bytes.len() as u32, pattern: NONE, first_byte: 0 });
        for &(b, next) in &kids[0] {
            trie.root[b as usize] = next;
        }
        trie
    }

    /// Calls `found(pattern, end)` for every pattern that `hay[start..]` begins with, shortest first.
    #[inline]
    pub(crate) fn walk(&self, hay: &[u8], start: usize, found: impl FnMut(usize, usize)) {
        self.walk_by(hay, start, |b| b, found);
    }

    /// [`Trie::walk`] with every byte of `hay` read through `map` first (`u8::to_ascii_lowercase`
    /// for a case-insensitive walk over lowercase patterns).
    #[inline]
    pub(crate) fn walk_by(
        &self,
        hay: &[u8],
        start: usize,
        map: impl Fn(u8) -> u8,
        mut found: impl FnMut(usize, usize),
    ) {
        let Some(&b) = hay.get(start) else {
            return;
        };
        let mut node = self.root[map(b) as usize];
        let mut at = start + 1;
        while node != NONE {
            let n = node as usize;
            let (here, next) = (self.nodes[n], self.nodes[n + 1]);
            if here.pattern != NONE {
                found(here.pattern as usize, at);
            }
            let Some(b) = hay.get(at).map(|&b| map(b)) else {
                return;
            };
            let (lo, hi) = (here.first as usize, next.first as usize);
            node = if lo == hi {
                NONE
            } else if b == here.first_byte {
                node + 1
            } else {
                let edges = &self.bytes[lo + 1..hi];
                match edges.iter().position(|&e| e >= b) {
                    Some(i) if edges[i] == b => self.child[lo + 1 + i],
                    _ => NONE,
                }
            };
            at += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(patterns: &[&str], hay: &str, start: usize) -> Vec<(usize, usize)> {
        let owned: Vec<String> = patterns.iter().map(|p| (*p).to_owned()).collect();
        let mut out = Vec::new();
        Trie::new(&owned).walk(hay.as_bytes(), start, |p, end| out.push((p, end)));
        out
    }

    #[test]
    fn finds_every_prefix_phrase_shortest_first() {
        let p = ["frequent flyer", "frequent", "fr", "flyer"];
        assert_eq!(walk(&p, "frequent flyers", 0), [(2, 2), (1, 8), (0, 14)]);
        assert_eq!(walk(&p, "frequent flyers", 9), [(3, 14)]);
        assert_eq!(walk(&p, "free", 0), [(2, 2)]);
        assert!(walk(&p, "", 0).is_empty());
        assert!(walk(&[], "abc", 0).is_empty());
    }
}
