/** The ops dashboard: a static page that renders /ops/summary every few seconds (no build step). */
export const DASHBOARD_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>newsfeed · ops</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #1d2430; background: #f6f7f9; }
  h1 { font-size: 1.3rem; margin: 0 0 1rem; }
  h2 { font-size: 1rem; margin: 0 0 .5rem; }
  .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 1rem; }
  section { background: #fff; border: 1px solid #dde1e7; border-radius: 6px; padding: 1rem; }
  table { border-collapse: collapse; width: 100%; }
  td, th { text-align: left; padding: .2rem .4rem; border-bottom: 1px solid #eef0f3; vertical-align: top; }
  .num { text-align: right; font-variant-numeric: tabular-nums; }
  .bad { color: #b42318; } .ok { color: #067647; }
  .bars { display: flex; align-items: flex-end; height: 60px; gap: 1px; }
  .bars div { background: #3b82f6; flex: 1; min-height: 1px; }
  button { font: inherit; }
  #updated { color: #667085; font-size: .85rem; }
</style>
</head>
<body>
<h1>newsfeed · ops <span id="updated"></span></h1>
<div class="grid">
  <section><h2>Feeds</h2><table id="feeds"></table></section>
  <section><h2>Articles (last 60 min)</h2><div class="bars" id="bars"></div><table id="articles"></table></section>
  <section><h2>Pipeline</h2><table id="pipeline"></table></section>
  <section><h2>Consumer lag</h2><table id="lag"></table></section>
  <section><h2>Dead letters</h2><table id="dlq"></table></section>
  <section><h2>Failing feeds</h2><table id="failing"></table></section>
</div>
<script>
function rows(id, data) {
  const table = document.getElementById(id);
  table.replaceChildren();
  for (const cells of data) {
    const tr = document.createElement('tr');
    for (const cell of cells) {
      const td = document.createElement('td');
      if (cell instanceof Node) td.append(cell); else td.textContent = String(cell);
      if (typeof cell === 'number') td.className = 'num';
      tr.append(td);
    }
    table.append(tr);
  }
}
function replayButton(topic, pending) {
  const button = document.createElement('button');
  button.textContent = 'replay ' + pending;
  button.disabled = pending === 0;
  button.onclick = async () => {
    await fetch('/ops/dead-letters/replay?topic=' + encodeURIComponent(topic), { method: 'POST' });
    refresh();
  };
  return button;
}
async function refresh() {
  const response = await fetch('/ops/summary');
  const s = await response.json();
  document.getElementById('updated').textContent = 'updated ' + new Date(s.generatedAt).toLocaleTimeString();
  rows('feeds', Object.entries(s.feeds).map(([status, n]) => [status, n]));
  rows('articles', [['total', s.articles.total], ['last hour', s.articles.lastHour]]);
  const max = Math.max(1, ...s.articles.perMinute.map((m) => m.count));
  document.getElementById('bars').replaceChildren(...s.articles.perMinute.map((m) => {
    const bar = document.createElement('div');
    bar.style.height = (100 * m.count / max) + '%';
    bar.title = m.minute + ': ' + m.count;
    return bar;
  }));
  rows('pipeline', [['outbox backlog', s.pipeline.outboxBacklog], ['classified', s.pipeline.classified], ['indexed', s.pipeline.indexed]]);
  rows('lag', Array.isArray(s.consumerLag)
    ? s.consumerLag.map((l) => [l.group, l.topic, l.lag])
    : [['unavailable', s.consumerLag.error]]);
  rows('dlq', [['pending', s.deadLetters.pending], ['total', s.deadLetters.total],
    ...Object.entries(s.deadLetters.byTopic).map(([topic, n]) => [topic, replayButton(topic, n)])]);
  rows('failing', s.failingFeeds.map((f) => [f.url, f.errorCount, f.lastError || '']));
}
refresh();
setInterval(refresh, 5000);
</script>
</body>
</html>
`;
