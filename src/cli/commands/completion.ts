/**
 * `govsim completion bash|zsh|fish`: a completion script for the shell. Commands and their options
 * come from the program itself; scenario names (bundled, plus *.yaml/*.yml/*.json files), seat sets
 * and council ids from the bundled data, written into the script so completing costs no Node start.
 */
import type { Command } from 'commander';
import { GovsimUsageError } from '../../model/errors.js';
import { didYouMean } from '../../model/suggest.js';
import { writeOutput } from '../output.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;

export interface CompletionWords {
  readonly commands: readonly { readonly name: string; readonly description: string; readonly options: readonly string[] }[];
  readonly scenarios: readonly string[];
  readonly seatSets: readonly string[];
  readonly councils: readonly string[];
}

/** Options whose value is a seat set, a council list or a scenario. */
const SEAT_OPTIONS = ['--seats'];
const COUNCIL_OPTIONS = ['--council', '-c'];
const SCENARIO_OPTIONS = ['--against', '-a'];

function quoteWords(words: readonly string[]): string {
  return words.join(' ');
}

export function bashScript(words: CompletionWords): string {
  const cases = words.commands.map((command) => `    ${command.name}) opts="${quoteWords(command.options)}" ;;`).join('\n');
  return `# govsim completion for bash: eval "$(govsim completion bash)" in ~/.bashrc
_govsim() {
  local cur prev cmd opts
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  cmd="\${COMP_WORDS[1]}"
  local scenarios="${quoteWords(words.scenarios)}"
  case "$prev" in
    ${SEAT_OPTIONS.join('|')}) COMPREPLY=( $(compgen -W "${quoteWords(words.seatSets)}" -- "$cur") ); return ;;
    ${COUNCIL_OPTIONS.join('|')}) COMPREPLY=( $(compgen -W "${quoteWords(words.councils)}" -- "$cur") ); return ;;
    ${SCENARIO_OPTIONS.join('|')}) COMPREPLY=( $(compgen -W "$scenarios" -- "$cur") $(compgen -f -X '!*.@(yaml|yml|json)' -- "$cur") ); return ;;
  esac
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=( $(compgen -W "${quoteWords(words.commands.map((command) => command.name))}" -- "$cur") ); return
  fi
  case "$cmd" in
${cases}
    *) opts="" ;;
  esac
  if [[ "$cur" == -* ]]; then COMPREPLY=( $(compgen -W "$opts" -- "$cur") ); return; fi
  case "$cmd" in
    sources|councils|analyze|power) COMPREPLY=( $(compgen -W "${quoteWords(words.councils)}" -- "$cur") ) ;;
    completion) COMPREPLY=( $(compgen -W "${SHELLS.join(' ')}" -- "$cur") ) ;;
    *) COMPREPLY=( $(compgen -W "$scenarios" -- "$cur") $(compgen -f -- "$cur") ) ;;
  esac
}
shopt -s extglob 2>/dev/null
complete -o filenames -F _govsim govsim
`;
}

export function zshScript(words: CompletionWords): string {
  // zsh runs bash completion functions through bashcompinit: one script, two shells.
  return `# govsim completion for zsh: eval "$(govsim completion zsh)" in ~/.zshrc
autoload -U +X bashcompinit && bashcompinit
${bashScript(words).split('\n').slice(1).join('\n')}`;
}

export function fishScript(words: CompletionWords): string {
  const lines = ['# govsim completion for fish: govsim completion fish > ~/.config/fish/completions/govsim.fish', 'complete -c govsim -f'];
  for (const command of words.commands) {
    lines.push(`complete -c govsim -n __fish_use_subcommand -a ${command.name} -d ${JSON.stringify(command.description.slice(0, 60))}`);
    for (const option of command.options.filter((entry) => entry.startsWith('--'))) {
      lines.push(`complete -c govsim -n "__fish_seen_subcommand_from ${command.name}" -l ${option.slice(2)}`);
    }
  }
  lines.push(`complete -c govsim -n "__fish_seen_subcommand_from run diff check simulate explore validate" -a ${JSON.stringify(quoteWords(words.scenarios))} -F`);
  lines.push(`complete -c govsim -n "__fish_seen_subcommand_from sources councils analyze power" -a ${JSON.stringify(quoteWords(words.councils))}`);
  lines.push(`complete -c govsim -l seats -x -a ${JSON.stringify(quoteWords(words.seatSets))}`);
  lines.push(`complete -c govsim -l council -x -a ${JSON.stringify(quoteWords(words.councils))}`);
  lines.push(`complete -c govsim -n "__fish_seen_subcommand_from completion" -a ${JSON.stringify(SHELLS.join(' '))}`);
  return `${lines.join('\n')}\n`;
}

export function registerCompletion(program: Command): void {
  program
    .command('completion')
    .description('print a shell completion script (bash, zsh or fish): commands, options, scenario names, seat sets, councils')
    .argument('<shell>', SHELLS.join(', '))
    .action(async (shell: string) => {
      if (!(SHELLS as readonly string[]).includes(shell)) throw new GovsimUsageError(`unknown shell "${shell}"${didYouMean(shell, SHELLS)} (expected one of: ${SHELLS.join(', ')})`);
      const [{ bundledScenarioNames }, { loadDataset }] = await Promise.all([import('../../scenarios/scenario-loader.js'), import('../../dataset/dataset.js')]);
      const dataset = loadDataset();
      const words: CompletionWords = {
        commands: program.commands.map((command) => ({
          name: command.name(),
          description: command.description(),
          options: command.options.flatMap((option) => [option.long, option.short].filter((flag): flag is string => flag !== undefined)),
        })),
        scenarios: bundledScenarioNames(),
        seatSets: dataset.seatSets,
        councils: dataset.data.councils.map((council) => council.id),
      };
      writeOutput(shell === 'bash' ? bashScript(words) : shell === 'zsh' ? zshScript(words) : fishScript(words));
    });
}
