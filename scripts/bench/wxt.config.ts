/**
 * The product's own WXT config, built into a private folder: the benchmark measures a build that
 * nobody else's `wxt build` can replace halfway through a run. Nothing else differs.
 */
import config from '../../wxt.config';

export default { ...config, outDir: '.output/bench' };
