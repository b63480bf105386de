/// The parts of a dating profile that say nothing about compatibility: platitudes, hobbies, openers.
///
/// They carry no stance on any topic, so they add shared vocabulary between profiles without
/// adding signal; a profile made only of them cannot conflict with anyone.
enum GenericProfileText {
    static let slots: [String: [String]] = [
        "virtue": ["honesty", "kindness", "loyalty", "respect", "trust", "good communication", "a sense of humor",
                   "open-mindedness", "patience", "empathy"],
        "trait": ["kind", "honest", "funny", "caring", "loyal", "adventurous", "genuine", "thoughtful", "easygoing",
                  "curious"],
        "hobby": ["reading mystery novels", "painting", "hiking", "playing guitar", "trying new restaurants",
                  "board games", "watching documentaries", "gardening", "photography", "traveling", "baking bread",
                  "going to concerts", "playing chess", "learning languages", "kayaking", "visiting museums",
                  "cooking for friends", "writing short stories", "sci-fi movie marathons", "camping"],
        "time": ["on weekends", "on Sunday mornings", "after work", "in the evenings", "whenever I can"],
    ]

    static let platitudes: [String] = [
        "I value {virtue}.", "For me, {virtue} means everything.", "I'm looking for someone {trait} and {trait}.",
        "I believe in {virtue} and {virtue}.", "Life is too short to take too seriously.",
        "I love to laugh and make others smile.", "I'm a glass-half-full kind of person.",
        "Looking for my partner in crime.", "I'm just as happy on a night in as a night out.",
        "Family and friends mean the world to me.", "I try to be kind to everyone I meet.",
        "I'm easygoing and down to earth.", "Good communication is everything.",
        "I'm looking for someone who can make me laugh.", "I'm {trait} and {trait}, or so my friends say.",
        "I'm ready for something real.", "I'm a hopeless romantic at heart.",
    ]

    static let hobbies: [String] = [
        "I enjoy {hobby} {time}.", "In my free time I love {hobby}.", "You'll usually find me {hobby} {time}.",
        "Lately I've been getting into {hobby}.", "My favorite way to unwind is {hobby}.", "I'm always up for {hobby}.",
    ]

    static let openers: [String] = ["Hi there!", "Hey!", "About me:", "Here goes.", "New here.", "So, a bit about me:"]

    /// Every distinct sentence these templates can produce.
    static var allSentences: Set<String> {
        (platitudes + hobbies + openers).reduce(into: Set<String>()) {
            $0.formUnion(SentenceTemplate.expansions($1, slots: slots))
        }
    }
}
