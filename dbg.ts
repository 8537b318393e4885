import { generateSample } from './scripts/sample.ts';
import { loadPortal, memoryIO } from './src/load/portal.ts';
import { formatProblem } from './src/load/problems.ts';
const files = await generateSample('34.02');
const { problems } = await loadPortal(memoryIO(Object.fromEntries(Object.entries(files).filter(([k]) => !k.startsWith('private/')))));
console.log(
  problems.length,
  problems
    .slice(0, 5)
    .map((p) => formatProblem(p, 'en'))
    .join('\n'),
);
console.log(files['sasaran.csv']!.split('\r\n').slice(0, 14).join('\n'));
console.log(files['desil.csv']!.split('\r\n').slice(0, 12).join('\n'));
