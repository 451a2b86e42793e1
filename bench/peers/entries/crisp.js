// crisp-sdk-web is a loader: the chatbox itself comes from Crisp's CDN at runtime.
import { Crisp } from 'crisp-sdk-web';

Crisp.configure('00000000-0000-0000-0000-000000000000');
