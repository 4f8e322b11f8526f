// Lower case for entity keys, as ICU's full case mapping gives it, without the round trip through
// icu::UnicodeString for the letters names are written in (Latin, Vietnamese).
#ifndef VNEXTRACT_EXTRACT_ENTITIES_LOWER_H_
#define VNEXTRACT_EXTRACT_ENTITIES_LOWER_H_

#include <string>
#include <string_view>

namespace vnextract::internal {

// `s` (UTF-8) in lower case: always the same bytes as LowerNameIcu(s). Text made only of ASCII,
// Latin-1, Latin Extended-A/B, combining diacritics, Latin Extended Additional (the Vietnamese
// letters) and general punctuation is mapped code point by code point with u_tolower, which is
// the full mapping there (U+0130 excepted) unless the default locale is Turkish, Azeri or
// Lithuanian; anything else goes through ICU.
std::string LowerName(std::string_view s);

// The reference: icu::UnicodeString::toLower() in the default locale, back in UTF-8.
std::string LowerNameIcu(std::string_view s);

}  // namespace vnextract::internal

#endif  // VNEXTRACT_EXTRACT_ENTITIES_LOWER_H_
