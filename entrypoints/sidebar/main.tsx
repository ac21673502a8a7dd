import { render } from 'preact';

render(<main>BigCommerce</main>, document.getElementById('app')!);
