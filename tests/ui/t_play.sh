#!/bin/sh
# t_play.sh — a pupil plays the bundled lesson in a real terminal, from the
# first scene to the recap and the ending, through both branches of the
# choice point (the wrong path, back, then a good one; and the other good one).
. "$top_srcdir/tests/ui/lib.sh"
lesson="$top_srcdir/tests/data/ui/fr/donnees/pseudo.yaml"
run="LANG=C.UTF-8 LANGUAGE= $DECLIC --no-anim play $lesson"

# answer_all_right: answer the 8 questions of the lesson right at once.
answer_all_right() {
	ui_enter_until "Challenge 1/8" && ui_keys 2 && ui_wait "Well done!" && ui_keys Enter &&
	ui_wait "Challenge 2/8" && ui_keys 1 && ui_wait "Well done!" && ui_keys Enter &&
	ui_wait "Challenge 3/8" && ui_type "Pseudo" && ui_keys Enter && ui_wait "Well done!" &&
	ui_keys Enter &&
	ui_wait "Challenge 4/8" && ui_keys 1 3 Enter && ui_wait "Well done!" && ui_keys Enter &&
	ui_wait "Challenge 5/8" &&
	ui_keys "$(ui_num 'Où tu habites')" "$(ui_num 'quoi tu ressembles')" \
		"$(ui_num 'Où tu vas en classe')" "$(ui_num 'Quel âge tu as')" Enter &&
	ui_wait "Well done!" && ui_keys Enter &&
	ui_wait "Challenge 6/8" &&
	ui_keys "$(ui_num "J'ouvre la page")" "$(ui_num 'Je lis le formulaire')" \
		"$(ui_num 'seulement mon pseudo')" "$(ui_num 'Je commence à jouer')" Enter &&
	ui_wait "Well done!" && ui_keys Enter &&
	ui_wait "Challenge 7/8" && ui_keys 2 && ui_wait "Well done!" && ui_keys Enter &&
	ui_wait "Challenge 8/8" && ui_keys 1 && ui_wait "Well done!" && ui_keys Enter
}

ui_start 80 24 "$run"
ui_wait "Mercredi après-midi"; ok $? "the first scene starts with its narration"
ui_has "DRAGONS"; ok $? "the backdrop of the bedroom is drawn"
ui_keys Enter; ui_wait "Noé"; ok $? "Enter shows the next line, with the speaker's name"
ui_enter_until "Que devrait faire Noé ?"; ok $? "the story reaches the choice point"
ui_has "1. Tout remplir"; ok $? "the options are numbered"
ui_keys 1; ui_enter_until "Salut Noé, tu es à l'école Jules-Verne"
ok $? "the first option shows its consequence scene"
ui_enter_until "Pas tout à fait"; ok $? "then kind feedback, not a bare 'wrong'"
ui_has "Try another path"; ok $? "the pupil is offered to go back"
ui_keys Left; ui_wait "Que devrait faire Noé ?"; ok $? "Left goes back to the choice"
ui_keys Down Enter; ui_enter_until "Noé-le-dragon"; ok $? "the second option leads to its own scene"
ui_enter_until "Well done!"; ok $? "the good path gets praise"
ui_keys Enter
answer_all_right; ok $? "all eight questions answered right"
ui_enter_until "Remember"; ok $? "the recap 'Remember' follows the questions"
ui_has "Mes infos perso, je les garde pour moi."; ok $? "the recap lists the reflexes"
ui_has "Noé-le-dragon"; ok $? "the catch-phrase is shown"
ui_keys Enter; ui_wait "Mission accomplished!"; ok $? "the success ending"
ui_has "★ ★ ★"; ok $? "with three stars"
ui_keys Enter; st=$(ui_wait_exit); ok $? "the lesson ends and declic exits"
[ "$st" = 0 ]; ok $? "with status 0"; [ "$st" = 0 ] || diag "exit status: $st"

ui_start 80 24 "$run"
ui_wait "Mercredi après-midi"
ui_enter_until "Que devrait faire Noé ?"
ui_keys 3; ui_enter_until "Papa"; ok $? "the third option brings in Papa"
ui_enter_until "Well done!"; ok $? "asking an adult is praised"
ui_keys Enter
answer_all_right; ok $? "the questions follow on this branch too"
ui_enter_until "Remember"; ok $? "and the recap"

# Esc asks before leaving, and No keeps the pupil's place.
ui_start 80 24 "$run"
ui_wait "Mercredi après-midi"
ui_keys Enter Enter
ui_keys Escape; ui_wait "Leave the lesson?"; ok $? "Esc asks before leaving"
ui_keys Escape; ui_wait "Trop bien"; ok $? "Esc again goes on where the pupil was"
ui_keys Escape Enter; st=$(ui_wait_exit); ok $? "Enter confirms leaving"
done_testing
[ "$tap_failed" -eq 0 ]
