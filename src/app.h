/* app.h — what the command line asked for, shared by main and the UI. */
#ifndef DECLIC_APP_H
#define DECLIC_APP_H

#include <stdbool.h>

struct app_options {
	const char *content;	/* content root, pack or lesson to offer */
	const char *lesson;	/* a lesson file to play straight away, or NULL */
	const char *lang;	/* "fr", "en" or NULL (from the environment) */
	const char *db;		/* --db FILE, or NULL for the default place */
	bool no_color, no_anim;
	bool kiosk;		/* only the teacher PIN leaves */
	bool keep;		/* pupils log in and progress is kept */
};

#endif
