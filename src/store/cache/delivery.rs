//! Handing a scan's items on: in path order, to a caller's sink, while
//! the scan goes on (so a caller folding them never holds them all).

use std::path::{Path, PathBuf};

use super::super::walk::Listed;
use super::dir_scan::{Node, Outcome};

/// Where a scan hands each wanted item, with the path of its file, in
/// path order.
pub(super) type Sink<'s, T> = dyn FnMut(PathBuf, T) + 's;

/// The sink and the items not yet handed to it, in path order.
pub(super) struct Delivery<'s, T> {
    sink: &'s mut Sink<'s, T>,
    pub pending: Vec<(PathBuf, T)>,
}

impl<'s, T: Send> Delivery<'s, T> {
    pub fn new(sink: &'s mut Sink<'s, T>) -> Delivery<'s, T> {
        Delivery { sink, pending: Vec::new() }
    }

    /// Runs `work` on the thread pool while the pending items go to the
    /// sink on this thread (the sink need not be `Send`), so handing items
    /// on costs no time of its own.
    pub fn overlap<R: Send>(&mut self, work: impl FnOnce() -> R + Send) -> R {
        let mut done = None;
        let (sink, pending) = (&mut *self.sink, &mut self.pending);
        rayon::in_place_scope(|scope| {
            scope.spawn(|_| done = Some(work()));
            for (path, item) in pending.drain(..) {
                sink(path, item);
            }
        });
        done.expect("the scope waits for its work")
    }
}

/// Moves the items of `node` to `items`, with the path of their file,
/// keeping the rest (what the next cache file and the error list need).
pub(super) fn take_items<'a, T>(
    node: Node<'a, T>,
    dir: &Path,
    listed: &[Listed],
    items: &mut Vec<(PathBuf, T)>,
) -> Node<'a, T> {
    let file = |at: usize| dir.join(&listed[at].name);
    match node {
        Node::File(at, Outcome::Cached(record, Some(item))) => {
            items.push((file(at), *item));
            Node::File(at, Outcome::Cached(record, None))
        }
        Node::File(at, Outcome::Read(entry, Some(item))) => {
            items.push((file(at), *item));
            Node::File(at, Outcome::Read(entry, None))
        }
        Node::File(at, Outcome::Several(several)) => {
            let (found, collision) = *several;
            items.extend(found.into_iter().map(|item| (file(at), item)));
            Node::File(at, Outcome::Several(Box::new((Vec::new(), collision))))
        }
        other => other,
    }
}
