// @intercom/messenger-js-sdk is a loader: the Messenger itself comes from Intercom's CDN at runtime.
import Intercom from '@intercom/messenger-js-sdk';

Intercom({ app_id: 'bench0000' });
