/*
 * unit_util.c: the UTF-8 and hex helpers of util.c that the verifier and
 * the apps share.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "util.h"

/* vf_utf8_decode() of the NUL-terminated s, with the code point in *cp. */
static size_t
dec(const char *s, unsigned *cp)
{
	*cp = 0xFFFFFFFFu;
	return (vf_utf8_decode(s, strlen(s), cp));
}

static void
test_utf8_decode(void **state)
{
	unsigned	cp;

	assert_int_equal(dec("A", &cp), 1);
	assert_int_equal(cp, 'A');
	assert_int_equal(dec("\xc3\xa9", &cp), 2);
	assert_int_equal(cp, 0xE9);
	assert_int_equal(dec("\xe2\x82\xac", &cp), 3);
	assert_int_equal(cp, 0x20AC);
	assert_int_equal(dec("\xf0\x9f\x98\x80", &cp), 4);
	assert_int_equal(cp, 0x1F600);
	assert_int_equal(dec("\xf4\x8f\xbf\xbf", &cp), 4);
	assert_int_equal(cp, 0x10FFFF);
	assert_int_equal(vf_utf8_decode("\0", 1, &cp), 1);
	assert_int_equal(cp, 0);
	/* Not one: cp is left alone. */
	assert_int_equal(dec("\x80", &cp), 0);
	assert_int_equal(cp, 0xFFFFFFFFu);
	assert_int_equal(dec("\xc3", &cp), 0);			/* truncated */
	assert_int_equal(dec("\xc3" "A", &cp), 0);		/* no continuation */
	assert_int_equal(dec("\xc0\xaf", &cp), 0);		/* overlong '/' */
	assert_int_equal(dec("\xe0\x80\xaf", &cp), 0);		/* overlong */
	assert_int_equal(dec("\xf0\x80\x80\xaf", &cp), 0);	/* overlong */
	assert_int_equal(dec("\xed\xa0\x80", &cp), 0);		/* U+D800 */
	assert_int_equal(dec("\xf4\x90\x80\x80", &cp), 0);	/* > U+10FFFF */
	assert_int_equal(dec("\xff", &cp), 0);
	assert_int_equal(vf_utf8_decode("\xe2\x82\xac", 2, &cp), 0);
	assert_int_equal(vf_utf8_decode("A", 0, &cp), 0);
	assert_int_equal(vf_utf8_decode("\xc3\xa9", 2, NULL), 2);
}

static void
test_utf8_invalid_at(void **state)
{
	assert_int_equal(vf_utf8_invalid_at("caf\xc3\xa9", 5), 5);
	assert_int_equal(vf_utf8_invalid_at("", 0), 0);
	assert_int_equal(vf_utf8_invalid_at("ab\xe9" "cd", 5), 2);
	assert_int_equal(vf_utf8_invalid_at("ab\0cd", 5), 2);
	assert_int_equal(vf_utf8_invalid_at("a\xe2\x82", 3), 1);
}

static void
test_utf8_put(void **state)
{
	struct vbuf	b;
	unsigned long	cps[] = { 'x', 0xE9, 0x7FF, 0x800, 0x20AC, 0xFFFF,
	    0x10000, 0x1F600, 0x10FFFF };
	unsigned	cp;
	size_t		i, off, n;

	vbuf_init(&b);
	for (i = 0; i < sizeof(cps) / sizeof(cps[0]); i++)
		vf_utf8_put(&b, cps[i]);
	assert_int_equal(b.len, 1 + 2 + 2 + 3 + 3 + 3 + 4 + 4 + 4);
	assert_memory_equal(b.data, "x\xc3\xa9\xdf\xbf\xe0\xa0\x80", 8);
	/* What vf_utf8_put() writes, vf_utf8_decode() reads back. */
	for (i = 0, off = 0; i < sizeof(cps) / sizeof(cps[0]); i++) {
		n = vf_utf8_decode(b.data + off, b.len - off, &cp);
		assert_true(n > 0);
		assert_int_equal(cp, cps[i]);
		off += n;
	}
	assert_int_equal(off, b.len);
	vbuf_free(&b);
}

static void
test_utf8_len_clip(void **state)
{
	const char	*s = "a\xc3\xa9\xe2\x82\xac";	/* a é € */

	assert_int_equal(vf_utf8_len("caf\xc3\xa9", SIZE_MAX), 4);
	assert_int_equal(vf_utf8_len("", SIZE_MAX), 0);
	assert_int_equal(vf_utf8_len(s, 2), 2);
	assert_int_equal(vf_utf8_len(s, 3), 2);
	assert_int_equal(vf_utf8_len(s, 4), 3);
	assert_int_equal(vf_utf8_clip(s, 6, 10), 6);
	assert_int_equal(vf_utf8_clip(s, 6, 6), 6);
	assert_int_equal(vf_utf8_clip(s, 6, 5), 3);
	assert_int_equal(vf_utf8_clip(s, 6, 4), 3);
	assert_int_equal(vf_utf8_clip(s, 6, 3), 3);
	assert_int_equal(vf_utf8_clip(s, 6, 2), 1);
	assert_int_equal(vf_utf8_clip(s, 6, 0), 0);
}

static void
test_hex(void **state)
{
	const unsigned char	 data[] = { 0x00, 0x01, 0x9f, 0xa0, 0xff };
	char			 out[2 * sizeof(data) + 1];
	const char		*digits = "0123456789abcdefABCDEF";
	int			 i;

	vf_hex_encode(data, sizeof(data), out);
	assert_string_equal(out, "00019fa0ff");
	vf_hex_encode(data, 0, out);
	assert_string_equal(out, "");
	for (i = 0; i < 16; i++)
		assert_int_equal(vf_hexval(digits[i]), i);
	for (i = 16; i < 22; i++)
		assert_int_equal(vf_hexval(digits[i]), i - 6);
	assert_int_equal(vf_hexval('g'), -1);
	assert_int_equal(vf_hexval('G'), -1);
	assert_int_equal(vf_hexval('/'), -1);
	assert_int_equal(vf_hexval(':'), -1);
	assert_int_equal(vf_hexval('\0'), -1);
	assert_int_equal(vf_hexval(0xe9), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_decode),
		cmocka_unit_test(test_utf8_invalid_at),
		cmocka_unit_test(test_utf8_put),
		cmocka_unit_test(test_utf8_len_clip),
		cmocka_unit_test(test_hex),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
