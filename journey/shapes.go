package journey

// Hand-written matchers for the patterns checked on every file. They say
// exactly what KebabPattern and FontPattern say (FuzzShapesMatchPatterns
// holds them to it); the patterns stay the contract, published in the JSON
// Schema. A compiled FontPattern alone, with its {0,63}, allocates more
// than decoding a small journey.

// IsKebab reports whether s matches KebabPattern: lowercase letters and
// digits in words joined by single hyphens.
func IsKebab(s string) bool {
	if s == "" {
		return false
	}
	word := false // inside a word: the last byte was a letter or digit
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			word = true
		case c == '-' && word:
			word = false
		default:
			return false
		}
	}
	return word
}

// ValidFontName reports whether s matches FontPattern: a letter or digit,
// then up to 63 letters, digits, spaces, dots, underscores and hyphens.
// Graphviz writes the name into SVG attributes unescaped, so nothing else
// may pass.
func ValidFontName(s string) bool {
	if s == "" || len(s) > 64 || !isAlnum(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !isAlnum(c) && c != ' ' && c != '.' && c != '_' && c != '-' {
			return false
		}
	}
	return true
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
