//! What every CSV this program writes for Excel shares: the UTF-8
//! byte-order mark, without which Excel misreads UTF-8.

/// The UTF-8 byte-order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// An empty CSV buffer, starting with the BOM when `bom`.
pub fn start(bom: bool) -> Vec<u8> {
    if bom { BOM.to_vec() } else { Vec::new() }
}

/// `csv` with the BOM in front.
pub fn with_bom(csv: Vec<u8>) -> Vec<u8> {
    let mut bytes = start(true);
    bytes.extend(csv);
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_bom_at_the_start() {
        assert_eq!(with_bom(b"a,b\r\n".to_vec()), b"\xEF\xBB\xBFa,b\r\n");
        assert_eq!(start(true), BOM);
        assert!(start(false).is_empty());
    }
}
