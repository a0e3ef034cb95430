/*
 * test_summ_fmt.c: common/summ_fmt.c: text and Markdown renderings.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "summ_fmt.h"
#include "unit.h"

static const struct summ_line lines[] = {
	{ "The dam\nheld.", 13, 3, "a,b,c", "height: 4 m (a) / 5 m (b)" },
	{ "Roads *closed* [east].", 22, 1, "b", "" },
	{ "Water fell.", 11, 2, "a, c", "height: 4 m (a) / 5 m (b)" },
	{ "It rained.", 10, 2, "a,b", "date: Monday (a) / Sunday (b); "
	    "Rain (a) / Snow (b)" },
};

static char *
render(enum summ_fmt f, const char *story, int first, size_t n)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	CHECK(fp != NULL);
	CHECK_EQ_LONG(summ_fmt_write(fp, f, story, first, lines, n), 0);
	fclose(fp);
	return buf;
}

int
main(void)
{
	char *s;

	s = render(SUMM_FMT_TEXT, "flood", 1, 3);
	CHECK_EQ_STR(s, "Story: flood\n"
	    "1. The dam held. [3 sources: a, b, c]\n"
	    "2. Roads *closed* [east]. [1 source: b]\n"
	    "3. Water fell. [2 sources: a, c]\n"
	    "Note: sources disagree on the height: 4 m (a) / 5 m (b)\n");
	free(s);
	s = render(SUMM_FMT_TEXT, NULL, 1, 4);
	CHECK(strstr(s, "Note: sources disagree on the height: 4 m (a) / "
	    "5 m (b)\n"
	    "Note: sources disagree on the date: Monday (a) / Sunday (b)\n"
	    "Note: sources disagree: Rain (a) / Snow (b)\n") != NULL);
	free(s);
	s = render(SUMM_FMT_MARKDOWN, NULL, 0, 2);
	CHECK_EQ_STR(s, "\n"
	    "1. The dam held. *(3 sources: a, b, c)*\n"
	    "2. Roads \\*closed\\* \\[east\\]. *(1 source: b)*\n"
	    "\n> **Sources disagree on the height:** 4 m (a) / 5 m (b)\n");
	free(s);
	s = render(SUMM_FMT_MARKDOWN, "a_b", 1, 0);
	CHECK_EQ_STR(s, "## a\\_b\n\n*No sentence fits the budget.*\n");
	free(s);
	UNIT_END();
}
