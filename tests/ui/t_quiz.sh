#!/bin/sh
# t_quiz.sh — every kind of question, as a pupil answers: right at once,
# wrong once (a hint, another try), wrong twice (the explanation and the right
# answer), tolerant typed answers, and the ending that follows from the score.
. "$top_srcdir/tests/ui/lib.sh"
lesson="$top_srcdir/tests/data/good/mini/lesson.yaml"
ui_start 80 24 "LANG=C.UTF-8 LANGUAGE= $DECLIC --no-anim play $lesson"
ui_wait "Lina et Tom"
ui_enter_until "Que met Lina"
ui_keys 2; ui_enter_until "Well done!"; ui_keys Enter
ui_enter_until "Challenge 1/6"; ok $? "the questions start after the story"

ui_keys 1; ui_wait "Hint — try again"; ok $? "a first wrong answer gives a hint"
ui_has "Qu'est-ce qui parle de toi ?"; ok $? "the hint is the question's own hint"
ui_has "Challenge 1/6"; ok $? "and the pupil tries the same question again"
ui_keys 3; ui_wait "Let's see why"; ok $? "a second wrong answer gives the explanation"
ui_has "Mon adresse dit où j'habite."; ok $? "the explanation teaches why"
ui_screen | grep -q "✓.*Mon adresse"; ok $? "the right option is marked"
ui_keys Enter; ui_wait "Challenge 2/6"; ok $? "then the next question"

ui_keys 1 3 Enter; ui_wait "Well done!"; ok $? "multiple choice: ticking 1 and 3 is right"
ui_has "Un pseudo et un dessin"; ok $? "a right answer also gets the explanation"
ui_keys Enter; ui_wait "Challenge 3/6"
ui_has "1. True"; ok $? "true/false offers True and False"
ui_keys 2; ui_wait "Hint — try again"; ok $? "true/false: wrong once"
ui_keys 1; ui_wait "Well done!"; ok $? "right on the second try"
ui_keys Enter; ui_wait "Challenge 4/6"
ui_type "PSÉUDO !"; ui_wait "PSÉUDO !"; ok $? "typed letters are shown as typed"
ui_keys Enter; ui_wait "Well done!"; ok $? "typed answer: case, accent and punctuation do not count"
ui_keys Enter; ui_wait "Challenge 5/6"
ui_keys "$(ui_num 'Je joue.')" "$(ui_num "J'écris mon pseudo.")" "$(ui_num 'Je lis le formulaire.')"
ui_screen | grep -q "(3).*Je lis le formulaire"; ok $? "order: each pick gets its rank"
ui_keys Enter; ui_wait "Hint — try again"; ok $? "order: a wrong order gets a hint"
ui_keys "$(ui_num 'Je lis le formulaire.')" "$(ui_num "J'écris mon pseudo.")" "$(ui_num 'Je joue.')" Enter
ui_wait "Well done!"; ok $? "order: the right order on the second try"
ui_keys Enter; ui_wait "Challenge 6/6"
a=$(ui_num "Où j'habite"); b=$(ui_num "Mon visage"); c=$(ui_num "Où je vais en classe")
ui_keys "$b" "$c" "$a" Enter; ui_wait "Hint — try again"; ok $? "match: wrong links get a hint"
ui_keys 1 "$a" 2 "$b" 3 "$c" Enter; ui_wait "Well done!"; ok $? "match: relinking each item is right"
ui_keys Enter
ui_enter_until "Remember"; ok $? "the recap follows"
ui_keys Enter; ui_wait "Good work!"; ok $? "7 points of 12: the partial ending"
ui_has "★ ★ ☆"; ok $? "with two stars of three"
ui_has "Rejoue pour plus d'étoiles."; ok $? "and the lesson's own partial message"
done_testing
[ "$tap_failed" -eq 0 ]
