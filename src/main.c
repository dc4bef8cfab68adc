/* main.c — the command line: options, subcommands, and the kiosk. */
#include "config.h"

#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "cmd.h"
#include "i18n.h"
#include "pack/catalog.h"
#include "ui/ui.h"
#include "xalloc.h"

/* Print the usage to out. */
static void usage(FILE *out)
{
	fputs(_("Usage: declic [OPTION]...\n"
		"       declic play PATH      preview a pack or a lesson (no progress kept)\n"
		"       declic check PATH...  check packs, lessons or YAML files\n"
		"       declic pin --reset    forget the teacher code (the next start asks for one)\n"
		"\n"
		"Déclic teaches the good digital reflexes to 7-11 year olds with short\n"
		"scenarios and questions, in a full-screen terminal.\n"
		"\n"
		"Options:\n"
		"  --content DIR   content folder (default: the installed packs)\n"
		"  --db FILE       progress database (default:\n"
		"                  $XDG_DATA_HOME/declic/progress.db)\n"
		"  --kiosk         pupils cannot quit: only teacher mode leaves\n"
		"  --lesson PACK/LESSON\n"
		"                  start straight into one lesson (or a lesson FILE)\n"
		"  --lang fr|en    language of the interface\n"
		"  --no-color      no colours (also when NO_COLOR is set)\n"
		"  --no-anim       show speech at once, without typing animation\n"
		"  -h, --help      show this help and exit\n"
		"  -V, --version   show the version and exit\n"
		"\n"
		"In a lesson: arrows, Enter, digits 1-9 and Esc, or the mouse.\n"
		"The smallest terminal is 60x20.\n"), out);
	fputs(_("\n"
		"For teachers and authors:\n"
		"  declic guide [--text] PACK   the teacher notes of a pack, as a sheet to print\n"
		"                               (Markdown; --text: plain text)\n"
		"  declic stats [--text] [PACK]...\n"
		"                               episodes, questions by level and kind, notes;\n"
		"                               --text: every text pupils read, one per line\n"
		"PACK is a pack folder or a pack identifier (donnees) of the content folder.\n"),
	      out);
	fputs(_("  declic calibrate [--db FILE] [--min N] [--threshold LOGITS]\n"
		"                               each question's difficulty from the answers\n"
		"                               of every pupil, and those far from their level\n"
		"                               (by 1 logit or more, with 20 answers or more)\n"),
	      out);
}

/* True if path is a directory. */
static bool is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The bundled content: the source tree when run from the build tree, else the
 * installed copy. Caller frees. */
static char *default_content(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash)
			*slash = '\0';
		if (strcmp(exe, ABS_BUILDDIR) == 0 && is_dir(ABS_SRCDIR "/content"))
			return xstrdup(ABS_SRCDIR "/content");
	}
	return xstrdup(PKGDATADIR "/content");
}

/* Where the translations are: the build tree's mo/ when run from it. */
static const char *locale_dir(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash)
			*slash = '\0';
		if (strcmp(exe, ABS_BUILDDIR) == 0 && is_dir(ABS_BUILDDIR "/mo"))
			return ABS_BUILDDIR "/mo";
	}
	return LOCALEDIR;
}

/* Apply --lang: LANGUAGE picks the catalogue, but glibc ignores it in the C
 * locale, so messages then use C.UTF-8 (or C) with the same effect. */
static void set_language(const char *lang)
{
	setenv("LANGUAGE", lang, 1);
	const char *cur = setlocale(LC_MESSAGES, NULL);
	if (cur && (!strcmp(cur, "C") || !strcmp(cur, "POSIX")))
		setlocale(LC_MESSAGES, "C.UTF-8");
}

/* Content language from --lang or the environment ("fr" by default). */
static const char *content_language(const char *lang)
{
	if (lang)
		return lang;
	const char *env = getenv("LANGUAGE");
	if (!env || !*env)
		env = setlocale(LC_MESSAGES, NULL);
	return env && !strncmp(env, "en", 2) ? "en" : "fr";
}

/* The file of a lesson given as a path, or as PACK/LESSON (identifiers)
 * under the content folder; NULL if unreadable. Caller frees. */
static char *lesson_file(const char *arg, const char *content, const char *lang)
{
	if (access(arg, R_OK) == 0)
		return xstrdup(arg);
	const char *slash = strchr(arg, '/');
	if (!slash || strchr(slash + 1, '/') || strstr(arg, ".."))
		return NULL;
	const char *langs[] = {lang, "fr"};
	for (size_t i = 0; i < 2; i++) {
		char *path = xasprintf("%s/%s/%s.yaml", content, langs[i], arg);
		if (access(path, R_OK) == 0)
			return path;
		free(path);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	bindtextdomain(PACKAGE, locale_dir());
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);

	enum { OPT_CONTENT = 256, OPT_LESSON, OPT_LANG, OPT_NO_COLOR, OPT_NO_ANIM, OPT_DB, OPT_KIOSK };
	static const struct option longopts[] = {
		{"content", required_argument, NULL, OPT_CONTENT},
		{"lesson", required_argument, NULL, OPT_LESSON},
		{"lang", required_argument, NULL, OPT_LANG},
		{"no-color", no_argument, NULL, OPT_NO_COLOR},
		{"no-anim", no_argument, NULL, OPT_NO_ANIM},
		{"db", required_argument, NULL, OPT_DB},
		{"kiosk", no_argument, NULL, OPT_KIOSK},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	struct app_options opt = {0};
	int c;
	while ((c = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_CONTENT:
			opt.content = optarg;
			break;
		case OPT_LESSON:
			opt.lesson = optarg;
			break;
		case OPT_LANG:
			if (strcmp(optarg, "fr") && strcmp(optarg, "en")) {
				fprintf(stderr, _("declic: --lang takes fr or en\n"));
				return 2;
			}
			opt.lang = optarg;
			set_language(optarg);
			break;
		case OPT_NO_COLOR:
			opt.no_color = true;
			break;
		case OPT_NO_ANIM:
			opt.no_anim = true;
			break;
		case OPT_DB:
			opt.db = optarg;
			break;
		case OPT_KIOSK:
			opt.kiosk = true;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("declic %s\n", PACKAGE_VERSION);
			return 0;
		default:
			fprintf(stderr, _("Try 'declic --help' for more information.\n"));
			return 2;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc > 0 && !strcmp(argv[0], "check"))
		return cmd_check(argc - 1, argv + 1);
	if (argc > 0 && !strcmp(argv[0], "pin")) {
		return cmd_pin(argc, argv, opt.db);
	}
	if (argc > 0 && !strcmp(argv[0], "calibrate")) {
		char *root = opt.content ? xstrdup(opt.content) : default_content();
		int status = cmd_calibrate(argc, argv, opt.db, root, content_language(opt.lang));
		free(root);
		return status;
	}
	if (argc > 0 && (!strcmp(argv[0], "guide") || !strcmp(argv[0], "stats"))) {
		char *root = opt.content ? xstrdup(opt.content) : default_content();
		const char *lang = content_language(opt.lang);
		int status = argv[0][0] == 'g' ? cmd_guide(argc, argv, root, lang)
					       : cmd_stats(argc, argv, root, lang);
		free(root);
		return status;
	}
	if (argc > 0 && !strcmp(argv[0], "play")) {
		if (argc != 2) {
			fprintf(stderr, _("declic play: which pack or lesson? (declic play PATH)\n"));
			return 2;
		}
		if (is_dir(argv[1]))
			opt.content = argv[1];
		else
			opt.lesson = argv[1];
	} else if (argc > 0) {
		fprintf(stderr, _("declic: unknown command '%s'\n"), argv[0]);
		fprintf(stderr, _("Try 'declic --help' for more information.\n"));
		return 2;
	}
	char *content = opt.content ? xstrdup(opt.content) : default_content();
	char *lesson = opt.lesson ? lesson_file(opt.lesson, content, content_language(opt.lang))
				  : NULL;
	if (opt.lesson && !lesson) {
		fprintf(stderr, _("declic: cannot read the lesson %s\n"), opt.lesson);
		free(content);
		return 1;
	}
	opt.lesson = lesson;
	struct store *store = NULL;
	opt.keep = argc == 0 && !opt.lesson;
	if (opt.keep) {
		int status = db_open(opt.db, &store);
		if (status) {
			free(content);
			return status;
		}
	}
	struct catalog cat = {0};
	struct diags d = {0};
	if (!opt.lesson)
		catalog_scan(&cat, content, content_language(opt.lang), &d);
	opt.content = content;
	int status = ui_run(&opt, &cat, store);
	store_close(store);
	catalog_free(&cat);
	diag_free(&d);
	free(content);
	free(lesson);
	return status;
}
