/* layout.h — where the lesson screens put texts: the widths and row limits
 * shared by the interface (scr_play.c, scr_quiz.c) and the play-through test,
 * as plain arithmetic on the terminal size (pure). */
#ifndef DECLIC_LAYOUT_H
#define DECLIC_LAYOUT_H

/* Speech bubbles, prompts and feedback boxes are at most this wide, centred. */
#define LAYOUT_BOX_MAX_COLS 80
/* Text rows shown at most: in a bubble or a feedback box; in a question's
 * prompt; for each option, question choice or recap line; for the catch-phrase
 * under "Remember"; for the ending message. Further rows are cut. */
#define LAYOUT_BUBBLE_ROWS 6
#define LAYOUT_PROMPT_ROWS 3
#define LAYOUT_OPTION_ROWS 2
#define LAYOUT_CATCHPHRASE_ROWS 3
#define LAYOUT_ENDING_ROWS 4
/* Column where the text of an option starts, after the cursor and its number. */
#define LAYOUT_OPTION_X 7
/* Widest mark between a question's number and its text: [x], (3). */
#define LAYOUT_MARK_COLS 3
/* Row where a question or the recap starts, under the title bar. */
#define LAYOUT_TOP 2
/* Row of the ending message, under the title and the stars. */
#define LAYOUT_ENDING_Y 7

/* Width of bubbles and boxes on a terminal of `cols` columns. */
static inline int layout_box_cols(int cols)
{
	return cols < LAYOUT_BOX_MAX_COLS ? cols : LAYOUT_BOX_MAX_COLS;
}

/* Left column of bubbles and boxes. */
static inline int layout_box_x(int cols)
{
	return (cols - layout_box_cols(cols)) / 2;
}

/* Width of the text in a bubble or a box: the border and a space each side. */
static inline int layout_box_text_cols(int cols)
{
	return layout_box_cols(cols) - 4;
}

/* Width of a recap line, after its bullet. */
static inline int layout_recap_cols(int cols)
{
	return layout_box_cols(cols) - 6;
}

/* Width of an option's text starting at column x (the last column stays free). */
static inline int layout_option_cols(int cols, int x)
{
	return cols - x - 1;
}

/* Width of the left items of a match question. */
static inline int layout_match_cols(int cols)
{
	return (cols - 10) / 2;
}

/* Last row boxes may use: the bottom row is the help line. */
static inline int layout_bottom(int rows)
{
	return rows - 2;
}

#endif
