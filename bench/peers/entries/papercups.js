// @papercups-io/chat-widget is a React component that renders an iframe served by Papercups; React
// is counted because a host without React would have to ship it.
import ChatWidget from '@papercups-io/chat-widget';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

const root = document.createElement('div');
document.body.append(root);
createRoot(root).render(createElement(ChatWidget, { accountId: 'bench', title: 'Support' }));
