/* answer.h — tolerant matching of typed answers (pure). */
#ifndef DECLIC_ANSWER_H
#define DECLIC_ANSWER_H

#include <stdbool.h>
#include <stddef.h>

/* The comparable form of a typed answer: compatibility-decomposed, case-folded,
 * keeping only letters (without their accents) and digits. Caller frees. */
char *answer_normalize(const char *s);

/* The comparable form of a name: like answer_normalize, but marks that are not
 * accents are kept (Indic vowel signs) and each run of spaces, hyphens and
 * apostrophes between letters becomes one space ("Jean-Luc", "jean luc" and
 * "JEAN  LUC" give "jean luc"). Caller frees. */
char *answer_name_key(const char *s);

/* Edit distance (insertions, deletions, substitutions) between two normalized
 * strings, counted in characters. */
size_t answer_distance(const char *a, const char *b);

/* True if `given` matches one of the n accepted answers: equal once normalized,
 * or within one edit per four characters of the accepted answer with exactly
 * the same digits. */
bool answer_text_ok(const char *given, char *const *accepted, size_t n);

#endif
