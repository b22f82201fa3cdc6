// Injected on demand (popup, in-page "Clip", "Add the day"): reads the page, returns talks.
import { extractPage } from '../lib/extension/page-extraction';

export default defineUnlistedScript(() => extractPage(document, location.href));
