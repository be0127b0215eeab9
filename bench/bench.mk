# bench/bench.mk: `make bench` runs every bench/bench_*.sh in turn.  Each
# starts what it needs (a throwaway PostgreSQL cluster) and prints ratios
# against a baseline measured in the same run.
bench: all
	@set -e; for b in bench/bench_*.sh; do echo "== $$b"; bash $$b; done

# `make soak`: the bounded soak test of both apps (SOAK_SECONDS, default 120).
.PHONY: soak
soak: all
	@bash bench/soak.sh
