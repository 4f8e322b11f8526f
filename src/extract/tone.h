// One tone-mark placement for Vietnamese names, so "Hoà An" and "Hòa An" are one place.
#ifndef VNEXTRACT_EXTRACT_TONE_H_
#define VNEXTRACT_EXTRACT_TONE_H_

#include <string>
#include <string_view>

namespace vnextract::internal {

// NFC text with the traditional placement in open syllables ending in "oa", "oe", "uy": the tone
// mark sits on the first vowel ("hoà" → "hòa", "thuỷ" → "thủy", "uỷ" → "ủy"; not after "q":
// "quý" stays). Syllables with a final consonant ("hoàn", "huỳnh") are the same in both styles.
std::string TraditionalTones(std::string_view nfc);
// The same, in place: *s = TraditionalTones(*s), without a copy when nothing moves (most names).
void TraditionalTonesInPlace(std::string* s);

// The move itself, through ICU (NFD, move, NFC). TraditionalTones calls it only for names with a
// plain o or u before a non-ASCII letter (anything else is returned as written) and only when it
// could change something, and remembers its answers; tests compare the two.
std::string TraditionalTonesSlow(std::string_view nfc);

}  // namespace vnextract::internal

#endif  // VNEXTRACT_EXTRACT_TONE_H_
