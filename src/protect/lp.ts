/**
 * The linear-programming solver of the protection-interval check: HiGHS
 * (University of Edinburgh), compiled to WebAssembly (npm `highs`). Loaded
 * once, when the module is first imported; solving is synchronous after that.
 */
import highsLoader, { type Highs } from 'highs';

export const highs: Highs = await highsLoader();
