// SPDX-License-Identifier: GPL-2.0-only
/*
 * fuzz/replay.c - run a fuzz target's harness on saved inputs, without
 * libFuzzer: linked with fuzz_script.c, or fuzz_ops.c and ops_*.c, into
 * fuzz_replay_script / fuzz_replay_ops in every build, so ctest replays
 * tests/fuzz-regressions/ with gcc, and gdb can step through one input:
 *
 *	build/fuzz/fuzz_replay_ops tests/fuzz-regressions/ops/NAME
 *	gdb --args build/fuzz/fuzz_replay_script crash-1234abcd
 *
 * Each argument is a file, or a directory whose files are all run. The
 * harness abort()s on a bug; otherwise the status is 0, or 2 when an input
 * cannot be read.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t len = 0, cap = 0, n;

	if (!f) {
		perror(path);
		return 2;
	}
	for (;;) {
		if (len == cap) {
			uint8_t *nbuf;

			cap = cap ? cap * 2 : 4096;
			nbuf = realloc(buf, cap);
			if (!nbuf) {
				fprintf(stderr, "%s: out of memory\n", path);
				free(buf);
				fclose(f);
				return 2;
			}
			buf = nbuf;
		}
		n = fread(buf + len, 1, cap - len, f);
		if (!n)
			break;
		len += n;
	}
	if (ferror(f)) {
		perror(path);
		free(buf);
		fclose(f);
		return 2;
	}
	fclose(f);
	fprintf(stderr, "replay: %s (%zu bytes)\n", path, len);
	/* a copy of exactly len bytes, so ASan sees reads past the end */
	{
		uint8_t *copy = malloc(len ? len : 1);

		if (!copy) {
			free(buf);
			return 2;
		}
		memcpy(copy, buf, len);
		free(buf);
		LLVMFuzzerTestOneInput(copy, len);
		free(copy);
	}
	return 0;
}

static int replay_path(const char *path)
{
	struct stat st;
	struct dirent **names;
	int n, i, status = 0;

	if (stat(path, &st)) {
		perror(path);
		return 2;
	}
	if (!S_ISDIR(st.st_mode))
		return replay_file(path);
	n = scandir(path, &names, NULL, alphasort);
	if (n < 0) {
		perror(path);
		return 2;
	}
	for (i = 0; i < n; i++) {
		if (names[i]->d_name[0] != '.') {
			size_t len = strlen(path) + strlen(names[i]->d_name) + 2;
			char *file = malloc(len);

			if (!file)
				return 2;
			snprintf(file, len, "%s/%s", path, names[i]->d_name);
			if (replay_file(file))
				status = 2;
			free(file);
		}
		free(names[i]);
	}
	free(names);
	return status;
}

int main(int argc, char **argv)
{
	int i, status = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: %s INPUT|DIR...\n", argv[0]);
		return 2;
	}
	for (i = 1; i < argc; i++)
		if (replay_path(argv[i]))
			status = 2;
	return status;
}
