// Injected on demand (popup "Clip this talk", in-page "Clip"): reads the page, returns talks.
import { extractTalks } from '../lib/schedule';

export default defineUnlistedScript(() => extractTalks(document, location.href));
