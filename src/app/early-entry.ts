import { sendEarlyRequests } from './early-requests';

// Its own entry (see index.html), so it runs as soon as this small file has loaded, not after the app.
sendEarlyRequests(window.location.pathname, window as unknown as Record<string, unknown>, fetch.bind(window));
