extension DatasetConfig {
    /// The full effective config as YAML: every key of ``ConfigSchema`` present, in its order,
    /// numbers in their shortest exact form. ``load(yaml:source:relativeTo:)`` of it gives back an
    /// equal config; the dataset stores it next to its manifests.
    public var yaml: String {
        var text = "# morse-dataset configuration: every key with its effective value (see docs/config.md)\n"
        var openSection: String?
        for key in ConfigSchema.keys {
            if key.section != openSection, let section = key.section { text += "\(section):\n" }
            openSection = key.section
            let indent = key.section == nil ? "" : "  "
            switch key.write(self) {
            case .inline(let value):
                text += "\(indent)\(key.name): \(value)\n"
            case .block(let lines):
                text += "\(indent)\(key.name):\n"
                for line in lines { text += "\(indent)  \(line)\n" }
            }
        }
        return text
    }

    /// A stable 16-digit hex FNV-1a 64 hash of ``yaml``: equal configs give equal fingerprints on
    /// every platform and run, so a resumed dataset can tell whether its config changed.
    public var fingerprint: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in yaml.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
