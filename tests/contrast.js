// WCAG 2 contrast of every visible text of an argmap page, against what lies behind it.
// Returns {checked, failing}: how many texts were measured, and those under 4.5:1 (3:1 for large text).
() => {
    const parse = (colour) => {
        const found = /rgba?\(([^)]+)\)/.exec(colour);
        if (!found) return null;
        const [r, g, b, a = 1] = found[1].split(/[\s,/]+/).filter(Boolean).map(Number);
        return {r, g, b, a};
    };
    const light = ({r, g, b}) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
        .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    const ratio = (a, b) => { const [x, y] = [light(a), light(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
    const behind = (element) => {
        for (let e = element; e; e = e.parentElement) {
            const c = parse(getComputedStyle(e).backgroundColor);
            if (c && c.a > 0.5) return c;
        }
        return {r: 255, g: 255, b: 255, a: 1};
    };
    const failing = [];
    let checked = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const e = n.parentElement;
        if (!n.textContent.trim() || e.closest('svg, script, style, noscript') || !e.getClientRects().length) continue;
        const s = getComputedStyle(e);
        if (s.visibility === 'hidden') continue;
        const size = parseFloat(s.fontSize), bold = Number(s.fontWeight) >= 700;
        const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
        const r = ratio(parse(s.color), behind(e));
        checked += 1;
        if (r < need) failing.push([n.textContent.trim().slice(0, 50), r]);
    }
    for (const t of document.querySelectorAll('#argmap-view svg text')) {
        if (!t.getClientRects().length) continue;
        const group = t.closest('g.badge, g.node, g.cluster, g.edge');
        let backs = [{r: 255, g: 255, b: 255}];
        if (group && group.matches('g.badge')) backs = [parse(getComputedStyle(group.querySelector('circle')).fill)];
        else if (group && group.matches('g.node, g.cluster')) {
            const shape = group.querySelector('path, polygon, ellipse');
            const fill = shape && parse(getComputedStyle(shape).fill);
            if (fill && fill.a > 0) backs = [fill];
        } else backs.push({r: 0xf5, g: 0xf5, b: 0xf5});  // an edge label may lie over a frame
        for (const back of backs) {
            const r = ratio(parse(getComputedStyle(t).fill), back);
            checked += 1;
            if (r < 4.5) failing.push([t.textContent.slice(0, 50), r]);
        }
    }
    return {checked, failing};
}
