/// The CSV dialect of `metadata.csv` and `splits/{split}.csv` (RFC 4180 quoting), written by the
/// generator and read back by the inspection tools.
public enum CSV {
    /// One field, quoted when it holds a comma, quote or line break (a quote inside is doubled).
    public static func field(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return value }
        var out = "\""
        for character in value {
            if character == "\"" { out += "\"\"" } else { out.append(character) }
        }
        return out + "\""
    }

    /// Splits one line into fields (`"a,b"` is one field, `""` inside quotes is a quote).
    ///
    /// Returns nil for an unterminated quoted field.
    public static func fields(_ line: String) -> [String]? {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var iterator = line.makeIterator()
        var atFieldStart = true
        while let character = iterator.next() {
            if quoted {
                if character == "\"" {
                    // A doubled quote is a literal quote; a single one closes the field.
                    var lookahead = iterator
                    if lookahead.next() == "\"" {
                        field.append("\"")
                        iterator = lookahead
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "," {
                fields.append(field)
                field = ""
                atFieldStart = true
                continue
            } else if character == "\"" && atFieldStart {
                quoted = true
            } else {
                field.append(character)
            }
            atFieldStart = false
        }
        guard !quoted else { return nil }
        fields.append(field)
        return fields
    }
}
