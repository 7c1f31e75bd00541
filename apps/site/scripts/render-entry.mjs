// The server entry of the theme's render bundle (see page-renderer.mjs): Astro's App, answering a Request for
// any page of the theme with the HTML a static build would write. Never served to the network.
import { createApp } from 'astro/app/entrypoint';

export const app = createApp({ streaming: false });
