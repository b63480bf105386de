import Foundation

/// Reads the keys of a JSON object in document order, duplicates included.
///
/// `JSONSerialization` keeps only one value per key, so it cannot tell that a safetensors header names
/// a tensor twice; this scanner walks the (already validated) text and collects every key at depth 1.
enum JSONObjectKeys {
    static func topLevel(of json: Data) -> [String] {
        let bytes = [UInt8](json)
        var keys: [String] = []
        var depth = 0
        var expectingKey = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                let start = index
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                }
                if depth == 1 && expectingKey {
                    let literal = Data(bytes[start...min(index, bytes.count - 1)])
                    if let key = try? JSONSerialization.jsonObject(with: literal, options: .fragmentsAllowed) as? String {
                        keys.append(key)
                    }
                    expectingKey = false
                }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                expectingKey = depth == 1 && byte == UInt8(ascii: "{")
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
            case UInt8(ascii: ","):
                if depth == 1 { expectingKey = true }
            default:
                break
            }
            index += 1
        }
        return keys
    }
}
