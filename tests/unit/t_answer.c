/* t_answer.c — typed answers: case, accents, spaces, punctuation, small typos. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "../tap.h"
#include "core/answer.h"

int main(void)
{
	struct tap t = {0};
	setlocale(LC_ALL, "C.UTF-8");
	char *accepted[] = {"pseudo", "un pseudonyme"};
	char *adult[] = {"un adulte"};
	char *heart[] = {"cœur"};
	char *n[] = {"3018"};
	char *s = answer_normalize(" Un   Pséudo ! ");
	is_str(&t, s, "unpseudo", "normalising drops case, accents, spaces and punctuation");
	free(s);
	s = answer_normalize("Œuvre ÉCOLE");
	is_str(&t, s, "oeuvreecole", "ligatures expand, capitals with accents fold");
	free(s);

	ok(&t, answer_text_ok("pseudo", accepted, 2), "the exact answer");
	ok(&t, answer_text_ok("PSEUDO", accepted, 2), "in capitals");
	ok(&t, answer_text_ok("Pséudo.", accepted, 2), "with an accent and a full stop");
	ok(&t, answer_text_ok(" p s e u d o ", accepted, 2), "with spaces");
	ok(&t, answer_text_ok("pseudos", accepted, 2), "one letter too many (1 edit of 6)");
	ok(&t, answer_text_ok("pseud", accepted, 2), "one letter missing");
	ok(&t, answer_text_ok("un pseudonime", accepted, 2), "a typo in the second accepted answer");
	ok(&t, !answer_text_ok("psuedo", accepted, 2), "two letters swapped is 2 edits of 6: refused");
	ok(&t, !answer_text_ok("mot de passe", accepted, 2), "a different answer is refused");
	ok(&t, !answer_text_ok("", accepted, 2), "an empty answer is refused");
	ok(&t, !answer_text_ok("?!", accepted, 2), "punctuation alone is refused");
	ok(&t, answer_text_ok("un adulte", adult, 1), "several words");
	ok(&t, answer_text_ok("UN ADULT", adult, 1), "several words with a typo");
	ok(&t, answer_text_ok("coeur", heart, 1), "'coeur' for 'cœur'");
	ok(&t, answer_text_ok("3018", n, 1), "digits count");
	ok(&t, !answer_text_ok("3019", n, 1), "a wrong digit in a 4-digit number is refused");
	is_int(&t, answer_distance("chat", "chien"), 3, "edit distance chat/chien");
	is_int(&t, answer_distance("", "abc"), 3, "edit distance to empty");
	is_int(&t, answer_distance("été", "ete"), 2, "distance counts characters, not bytes");
	return tap_done(&t);
}
