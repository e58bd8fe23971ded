/** The static skeleton of the panel: toolbar, tabs, status line, map and table panes. */
import { element } from './pool';

export interface Chrome {
	readonly root: HTMLElement;
	readonly title: HTMLElement;
	readonly tabs: HTMLElement;
	readonly filter: HTMLInputElement;
	readonly address: HTMLInputElement;
	readonly copy: HTMLButtonElement;
	readonly exportSvg: HTMLButtonElement;
	readonly status: HTMLElement;
	readonly empty: HTMLElement;
	readonly panes: HTMLElement;
}

function input(className: string, placeholder: string, label: string): HTMLInputElement {
	const field = document.createElement('input');
	field.type = 'text';
	field.className = className;
	field.placeholder = placeholder;
	field.spellcheck = false;
	field.setAttribute('aria-label', label);
	return field;
}

function button(className: string, text: string, title: string): HTMLButtonElement {
	const created = document.createElement('button');
	created.type = 'button';
	created.className = className;
	created.textContent = text;
	created.title = title;
	return created;
}

/** Builds the skeleton into `host` (tab order: tabs, filter, address, actions, map, table). */
export function buildChrome(host: HTMLElement): Chrome {
	const root = element('div', 'app');
	const header = element('header', 'toolbar');
	const title = element('h1', 'title', 'Memory map');
	const tabs = element('div', 'tabs');
	tabs.setAttribute('role', 'tablist');
	tabs.setAttribute('aria-label', 'Address spaces');
	const filter = input('filter', 'Filter by name, path or kind', 'Filter ranges');
	const address = input('address', 'Go to address (0xfee0_0000, 4G)', 'Find the owner of an address');
	const copy = button('copy', 'Copy as info mtree -f', 'Copy the flat views as QEMU "info mtree -f" text');
	const exportSvg = button('export', 'Export SVG', 'Save the map of this address space as an SVG file');
	const actions = element('div', 'actions');
	actions.append(filter, address, copy, exportSvg);
	header.append(title, tabs, actions);
	const status = element('div', 'status');
	status.setAttribute('role', 'status');
	status.setAttribute('aria-live', 'polite');
	const empty = element('div', 'empty', 'Open a .memmap file to see its flat map.');
	const panes = element('main', 'panes');
	root.append(header, status, empty, panes);
	host.replaceChildren(root);
	return { root, title, tabs, filter, address, copy, exportSvg, status, empty, panes };
}
