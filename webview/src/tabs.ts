/** The address-space tabs: one button per space, roving tabindex, arrow keys between them. */

/** Rebuilds the tab buttons only when the space names changed. */
export function renderTabs(container: HTMLElement, names: readonly string[], onSelect: (name: string) => void): void {
	const existing = Array.from(container.children, (tab) => tab.textContent);
	if (existing.length === names.length && existing.every((name, i) => name === names[i])) {
		return;
	}
	container.replaceChildren(
		...names.map((name) => {
			const tab = document.createElement('button');
			tab.type = 'button';
			tab.className = 'tab';
			tab.setAttribute('role', 'tab');
			tab.textContent = name;
			tab.addEventListener('click', () => onSelect(name));
			return tab;
		}),
	);
}

/** Marks the active tab (aria-selected) and makes it the only one in the tab order. */
export function markActiveTab(container: HTMLElement, active: string | undefined): void {
	for (const tab of Array.from(container.children)) {
		const isActive = tab.textContent === active;
		tab.setAttribute('aria-selected', isActive ? 'true' : 'false');
		(tab as HTMLElement).tabIndex = isActive ? 0 : -1;
	}
}

/** The tab ArrowLeft/ArrowRight moves to (wrapping), or undefined for other keys. */
export function tabAfterKey(key: string, names: readonly string[], current: string): string | undefined {
	const step = key === 'ArrowRight' ? 1 : key === 'ArrowLeft' ? -1 : 0;
	if (step === 0 || names.length === 0) {
		return undefined;
	}
	const index = Math.max(0, names.indexOf(current));
	return names[(index + step + names.length) % names.length];
}

export function focusTab(container: HTMLElement, name: string): void {
	const tab = Array.from(container.children).find((candidate) => candidate.textContent === name);
	(tab as HTMLElement | undefined)?.focus();
}
