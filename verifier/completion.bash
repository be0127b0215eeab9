# verifier/completion.bash: bash completion of verifier(1), installed by
# `make install` as share/bash-completion/completions/verifier.
# Commands come from `verifier help`, each command's options from
# `verifier CMD -h`, so the completion follows the binary it completes.

_verifier()
{
	local cur prev cmd words
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	COMPREPLY=()

	if [ "$COMP_CWORD" -eq 1 ]; then
		words=$("${COMP_WORDS[0]}" help 2>/dev/null |
		    sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p')
		COMPREPLY=($(compgen -W "$words --version --help" -- "$cur"))
		return 0
	fi
	cmd=${COMP_WORDS[1]}

	case $prev in
	--format)
		if [ "$cmd" = graph ]; then
			COMPREPLY=($(compgen -W "dot svg png" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "text json github" -- "$cur"))
		fi
		return 0 ;;
	--models|--migrations)
		COMPREPLY=($(compgen -d -- "$cur"))
		return 0 ;;
	--until)
		COMPREPLY=($(compgen -W "preflight build copy verify" -- "$cur"))
		return 0 ;;
	--snapshot|--output|-o|--check|--env-file)
		COMPREPLY=($(compgen -f -- "$cur"))
		return 0 ;;
	--schema)
		# The models' names, from --models DIR or schema_models.
		local dir=schema_models i
		for ((i = 2; i < COMP_CWORD - 1; i++)); do
			[ "${COMP_WORDS[i]}" = --models ] && dir=${COMP_WORDS[i+1]}
		done
		words=$(cd "$dir" 2>/dev/null && for f in *.yaml; do
		    [ -e "$f" ] && printf '%s\n' "${f%.yaml}"; done)
		COMPREPLY=($(compgen -W "$words" -- "$cur"))
		return 0 ;;
	--db|--to|--steps|--msg|--lock-timeout|--role|--around|--depth)
		return 0 ;;
	esac

	if [[ $cur == -* ]]; then
		words=$("${COMP_WORDS[0]}" "$cmd" -h 2>/dev/null |
		    grep -o -- '--[a-z][a-z-]*' | sort -u)
		COMPREPLY=($(compgen -W "$words" -- "$cur"))
	fi
	return 0
}
complete -F _verifier verifier
