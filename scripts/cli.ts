/**
 * Every command-line entry point runs through `runCli`: it sets the exit
 * code instead of calling process.exit, so output piped to another program
 * is never cut off, and it prints an operator's error as one sentence
 * (see src/build/errors.ts); only a real bug shows a stack trace.
 */
import { explainError } from '../src/build/errors.ts';
import { cliLang } from '../src/load/problems.ts';

export async function runCli(main: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (e) {
    const lang = cliLang();
    const sentence = explainError(e, lang);
    console.error(sentence ? `${lang === 'en' ? 'ERROR' : 'GALAT'}: ${sentence}` : e);
    process.exitCode = 1;
  }
}
