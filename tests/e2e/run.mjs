// Browser end-to-end test of the application pages: an applicant applies
// online and follows the status page; a bad application is refused and kept on
// the form; a handler signs in, opens the case and records 转办. Then the
// proactive-disclosure portal: browse, search, a record page, the Atom feed,
// and axe-core (WCAG 2.1 A/AA rules) on every public page: no serious or
// critical violation; an editor drafts a record and a reviewer publishes it
// after the 保密审查 checklist. 政民互动: a message written, answered,
// published masked and tracked; axe-core on the interaction pages.
//
// Usage: node tests/e2e/run.mjs PATH/TO/gongkai   (or GK_BINARY=PATH node tests/e2e/run.mjs)
//
// The test starts its own `gongkai serve --demo` on a free loopback port with
// a throwaway SQLite database, drives Debian's Chromium (/usr/bin/chromium,
// or GK_CHROMIUM) headless through playwright-core, and stops both at the end,
// pass or fail. Each step prints "ok - …"; the first failure prints what was
// expected, saves screenshots and the server log into a temporary folder whose
// path is printed, and exits 1. Exit 2: the test could not be set up.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const CHROMIUM = process.env.GK_CHROMIUM || '/usr/bin/chromium';
// As root Chromium needs --no-sandbox; the others keep it off the network,
// which is closed here, and quiet.
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-proxy-server',
];
const OVERALL_MS = 100_000;  // below the CTest timeout (120 s), so cleanup always runs here

// The applicant. The resident id is valid (GB 11643 check digit X); the name,
// id and phone are personal data that no public page may show.
const AGENCY = '威海临港经济技术开发区管理委员会';
const APPLICANT = {
  name: '李明华',
  id: '11010519491231002X',
  phone: '13912345678',
  address: '山东省威海市环翠区新威路18号',
  description: '2025年临港区道路建设项目的立项批复文件（文号、批复日期）',
};
const BAD_ID = '110105194912310021';  // wrong check digit
const STAFF = { user: 'wang', password: 'pass-wang-123', role: 'handler', agency: 'weihai-lingang' };
// The catalog's staff: an editor drafts, a reviewer does the 保密审查 and publishes.
const EDITOR = { user: 'liu', password: 'pass-liu-123', role: 'editor', agency: 'weihai-lingang' };
const REVIEWER = { user: 'chen', password: 'pass-chen-123', role: 'reviewer', agency: 'weihai-lingang' };
// The agency head publishes the annual report; the supervising office watches.
const HEAD = { user: 'zhou', password: 'pass-zhou-123', role: 'agency_admin', agency: 'weihai-lingang' };
const SUPERVISOR = { user: 'sun', password: 'pass-sun-123', role: 'supervisor', agency: '' };
const DRAFT_TITLE = '关于公布临港区2024年行政许可事项清单的通知';

// Published records of the portal walk (loaded with `records import`).
const RECORDS = [
  {
    agency_id: 'weihai-lingang', index_no: '11371000MB28514517/2024-00001',
    title: '关于印发《临港区政府信息公开工作制度》的通知', publisher: AGENCY,
    published_on: '2025-03-05', formed_on: '2025-03-01', category: '规范性文件',
    doc_no: '威临管发〔2024〕1号', doc_type: '行政规范性文件', validity: '有效',
    body: '各部门：\n现将《临港区政府信息公开工作制度》印发给你们，请认真贯彻执行。\n第一条 为规范政府信息公开工作，制定本制度。',
  },
  {
    agency_id: 'weihai-lingang', index_no: '11371000MB28514517/2024-00002',
    title: '2024年临港区安全生产检查情况通报', publisher: AGENCY,
    published_on: '2025-04-10', category: '通知公告', body: '按照年度计划，对辖区企业开展安全生产检查。',
  },
  {
    agency_id: 'weihai-gongxin', index_no: '000013338/2024-00007',
    title: '威海市工业和信息化局2023年部门决算', publisher: '威海市工业和信息化局',
    published_on: '2025-08-01', category: '财政预决算', body: '部门决算公开说明及表格。',
  },
];
// A word of the first record only (the demo's records speak of 信息公开 too).
const SEARCH_WORD = '工作制度';

// ---- small helpers -----------------------------------------------------------------

class StepFailure extends Error {}

function fail(message) {
  throw new StepFailure(message);
}

function check(condition, message) {
  if (!condition) fail(message);
}

function equal(actual, expected, what) {
  if (actual !== expected) fail(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function runCli(bin, args, input) {
  const r = spawnSync(bin, args, { input, encoding: 'utf8', timeout: 30_000 });
  if (r.error) fail(`gongkai ${args.join(' ')}: ${r.error.message}`);
  if (r.status !== 0) {
    fail(`gongkai ${args.join(' ')} exited ${r.status}: ${(r.stderr || r.stdout || '').trim()}`);
  }
  return r.stdout;
}

// The text of the <dd> that follows the <dt> labelled `term` (trimmed).
async function definition(scope, term) {
  const dd = scope.locator('dt', { hasText: term }).first().locator('xpath=following-sibling::dd[1]');
  await dd.waitFor();
  return (await dd.innerText()).trim();
}

async function heading(page, text) {
  const h = page.getByRole('heading', { level: 1, name: text, exact: true });
  try {
    await h.waitFor({ timeout: 10_000 });
  } catch {
    const seen = await page.locator('h1').allInnerTexts().catch(() => []);
    fail(`expected the page heading "${text}" at ${page.url()}, saw ${JSON.stringify(seen)}`);
  }
}

function pathOf(page) {
  return new URL(page.url()).pathname;
}

// ---- the server ----------------------------------------------------------------------

class Server {
  constructor(bin, dir) {
    this.bin = bin;
    this.dir = dir;
    this.db = `sqlite:${path.join(dir, 'gongkai.db')}`;
    this.logPath = path.join(dir, 'serve.log');
    this.proc = null;
  }

  // `user add` needs the database: `demo` creates it with the demo agencies.
  prepare() {
    runCli(this.bin, ['demo', '--db', this.db]);
    for (const u of [STAFF, EDITOR, REVIEWER, HEAD, SUPERVISOR]) {
      const agency = u.agency ? ['--agency', u.agency] : [];
      runCli(this.bin, ['user', 'add', u.user, '--role', u.role, ...agency, '--db', this.db], `${u.password}\n`);
    }
    const file = path.join(this.dir, 'records.jsonl');
    fs.writeFileSync(file, RECORDS.map((r) => JSON.stringify(r)).join('\n') + '\n');
    runCli(this.bin, ['records', 'import', file, '--db', this.db]);
    // The staff agency's applications before the test (the demo's): every
    // application counts once as new in the year it was received.
    this.baseline = 0;
    for (let year = 2019; year <= new Date().getFullYear(); ++year) {
      const report = JSON.parse(runCli(this.bin, ['report', '--agency', STAFF.agency, '--year', String(year), '--db', this.db]));
      this.baseline += report.section3.new.total;
    }
  }

  async start() {
    // The server binds with SO_REUSEPORT, so a port that another process took
    // between our probe and the bind would not fail: retry on a new port only
    // when the server itself gives up.
    for (let attempt = 1; attempt <= 3; ++attempt) {
      const port = await freePort();
      const log = fs.openSync(this.logPath, 'a');
      this.proc = spawn(this.bin, ['serve', '--db', this.db, '--listen', `127.0.0.1:${port}`, '--demo'],
                        { stdio: ['ignore', log, log] });
      fs.closeSync(log);
      let exited = null;
      this.proc.on('exit', (code, signal) => { exited = { code, signal }; });
      this.base = `http://127.0.0.1:${port}`;
      const until = Date.now() + 15_000;
      while (Date.now() < until && !exited) {
        try {
          const r = await fetch(`${this.base}/healthz`, { signal: AbortSignal.timeout(2_000) });
          if (r.status === 200) return;
        } catch {
          // not listening yet
        }
        await sleep(100);
      }
      if (!exited) {
        await this.stop();
        fail(`gongkai serve did not answer /healthz within 15 s; log: ${this.logPath}\n${this.logTail()}`);
      }
      this.proc = null;
      if (attempt === 3) fail(`gongkai serve exited (${exited.code ?? exited.signal}); log:\n${this.logTail()}`);
    }
  }

  logTail(lines = 30) {
    try {
      return fs.readFileSync(this.logPath, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '(no server log)';
    }
  }

  // SIGTERM, then SIGKILL if it has not stopped within 5 s.
  async stop() {
    const p = this.proc;
    this.proc = null;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    const gone = new Promise((r) => p.once('exit', r));
    p.kill('SIGTERM');
    let timer;
    const late = new Promise((r) => { timer = setTimeout(() => r('late'), 5_000); });
    if ((await Promise.race([gone, late])) === 'late') {
      p.kill('SIGKILL');
      await gone;
    }
    clearTimeout(timer);
  }

  killNow() {
    if (this.proc && this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill('SIGKILL');
  }
}

// ---- the walk --------------------------------------------------------------------------

// Every URL the browser asked for: the query code must never be in one.
const requestedUrls = [];

function watch(page) {
  page.on('request', (req) => requestedUrls.push(req.url()));
  page.setDefaultTimeout(10_000);
  page.setDefaultNavigationTimeout(15_000);
}

async function fillApplication(page, { id }) {
  await page.getByLabel('向哪个机关申请（必填）', { exact: true }).selectOption({ label: AGENCY });
  await page.getByLabel('申请人类型（必填）', { exact: true }).selectOption({ label: '自然人' });
  // Clicking a label must focus its field; then type as a person would.
  await page.locator('label[for="name"]').click();
  const name = page.getByLabel('姓名或名称（必填）', { exact: true });
  check(await name.evaluate((el) => el === document.activeElement), 'clicking the label 姓名或名称 did not focus its field');
  await page.keyboard.type(APPLICANT.name);
  await page.getByLabel('证件号码（必填）', { exact: true }).fill(id);
  await page.getByLabel('联系电话（必填）', { exact: true }).fill(APPLICANT.phone);
  await page.getByLabel('通信地址（必填）', { exact: true }).fill(APPLICANT.address);
  const desc = page.getByLabel(/^所需信息的名称/);
  await desc.focus();
  await page.keyboard.type(APPLICANT.description);
}

async function applyOnline(ctx, state) {
  const page = state.publicPage;

  await ctx.step('home page links to the application form', async () => {
    const r = await page.goto(`${state.base}/`);
    equal(r.status(), 200, 'GET / status');
    await page.getByRole('link', { name: '申请公开', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/apply');
    await heading(page, '政府信息公开申请');
  });

  await ctx.step('fill in the form by its labels and submit', async () => {
    await fillApplication(page, { id: APPLICANT.id });
    const [resp] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/apply'),
      page.getByRole('button', { name: '提交申请' }).click(),
    ]);
    equal(resp.status(), 201, 'POST /apply status');
    await heading(page, '申请已收到');
  });

  await ctx.step('acknowledgement shows tracking number, query code and due date', async () => {
    const ack = page.getByRole('status');
    await ack.waitFor();
    state.trackingNo = await definition(ack, '申请编号');
    state.queryCode = await definition(ack, '查询码');
    check(/^[A-Za-z0-9-]{4,64}$/.test(state.trackingNo), `tracking number looks wrong: "${state.trackingNo}"`);
    check(/^[A-Za-z0-9]{6,64}$/.test(state.queryCode), `query code looks wrong: "${state.queryCode}"`);
    const due = await definition(ack, '答复期限');
    const m = due.match(/^(\d{4}-\d{2}-\d{2})/);
    check(m, `due date not shown: "${due}"`);
    state.dueOn = m[1];
    const text = await ack.innerText();
    const received = text.match(/于 (\d{4}-\d{2}-\d{2}) 收到/);
    check(received, 'received date not shown on the acknowledgement');
    state.receivedOn = received[1];
    check(state.dueOn > state.receivedOn, `due date ${state.dueOn} is not after received date ${state.receivedOn}`);
    await page.getByRole('heading', { name: '答复期限如何计算' }).waitFor();
    const body = await page.locator('body').innerText();
    for (const [what, value] of [['id number', APPLICANT.id], ['phone', APPLICANT.phone]]) {
      check(!body.includes(value), `the acknowledgement page shows the applicant's ${what}`);
    }
    console.log(`    tracking number ${state.trackingNo}, received ${state.receivedOn}, due ${state.dueOn}`);
  });

  await ctx.step('status page: 已登记 with the timeline', async () => {
    await page.getByRole('link', { name: '申请查询' }).click();
    await page.waitForURL((u) => u.pathname === '/track');
    await heading(page, '申请办理进度查询');
    await lookUp(page, state.trackingNo, state.queryCode, 200);
    await heading(page, `申请 ${state.trackingNo} 的办理进度`);
    equal(await definition(page, '当前状态'), '已登记', 'status on /track');
    equal(await definition(page, '收到申请日期'), state.receivedOn, 'received date on /track');
    equal(await definition(page, '答复期限'), state.dueOn, 'due date on /track');
    const rows = page.locator('table tbody tr');
    const n = await rows.count();
    check(n >= 1, 'the timeline (办理过程) has no rows');
    equal((await rows.first().locator('td').first().innerText()).trim(), state.receivedOn, 'date of the first timeline row');
    const body = await page.locator('body').innerText();
    for (const [what, value] of [['name', APPLICANT.name], ['id number', APPLICANT.id], ['phone', APPLICANT.phone]]) {
      check(!body.includes(value), `the public status page shows the applicant's ${what}`);
    }
  });
}

// Fills /track and submits; expects the given HTTP status.
async function lookUp(page, trackingNo, queryCode, status) {
  await page.getByLabel('申请编号', { exact: true }).fill(trackingNo);
  await page.getByLabel('查询码', { exact: true }).fill(queryCode);
  const [resp] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/track'),
    page.getByRole('button', { name: '查询', exact: true }).click(),
  ]);
  equal(resp.status(), status, 'POST /track status');
  await page.waitForLoadState();
}

// The tracking number after `tn` (its trailing digits plus one): the number a
// wrongly accepted application would have taken.
function nextNumber(tn) {
  const m = tn.match(/^(.*?)(\d+)$/);
  if (!m) return `${tn}9`;
  const next = String(BigInt(m[2]) + 1n).padStart(m[2].length, '0');
  return m[1] + next;
}

async function badInput(ctx, state) {
  const page = state.publicPage;

  await ctx.step('invalid id number: error shown, field marked, input kept', async () => {
    await page.goto(`${state.base}/apply`);
    await heading(page, '政府信息公开申请');
    await fillApplication(page, { id: BAD_ID });
    // Enter in a text field submits the form (implicit submission).
    const [resp] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/apply'),
      page.getByLabel('证件号码（必填）', { exact: true }).press('Enter'),
    ]);
    equal(resp.status(), 400, 'POST /apply with a bad id number: status');
    await heading(page, '政府信息公开申请');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const alertText = await alert.innerText();
    check(alertText.includes('申请未提交'), `the alert does not say the application was not submitted: "${alertText}"`);
    check(alertText.includes('身份证'), `the alert does not name the id number: "${alertText}"`);
    const idField = page.getByLabel('证件号码（必填）', { exact: true });
    equal(await idField.getAttribute('aria-invalid'), 'true', 'aria-invalid of the id number field');
    const described = await idField.getAttribute('aria-describedby');
    check(described, 'the id number field has no aria-describedby pointing at its error');
    const err = page.locator(`[id="${described}"]`);
    check(await err.isVisible(), `the error #${described} is not visible`);
    check((await err.innerText()).includes('校验'), `the field error does not explain the problem: "${await err.innerText()}"`);
    equal(await idField.inputValue(), BAD_ID, 'the typed id number after the error');
    equal(await page.getByLabel('姓名或名称（必填）', { exact: true }).inputValue(), APPLICANT.name, 'the typed name after the error');
    equal(await page.getByLabel('通信地址（必填）', { exact: true }).inputValue(), APPLICANT.address, 'the typed address after the error');
    equal(await page.getByLabel(/^所需信息的名称/).inputValue(), APPLICANT.description, 'the typed description after the error');
    const agency = await page.getByLabel('向哪个机关申请（必填）', { exact: true }).evaluate((el) => el.selectedOptions[0]?.text);
    equal(agency, AGENCY, 'the selected agency after the error');
    check(!(await page.getByRole('status').count()), 'an acknowledgement was shown for a refused application');
  });

  await ctx.step('nothing was created: a made-up number is not found', async () => {
    await page.goto(`${state.base}/track`);
    await heading(page, '申请办理进度查询');
    await lookUp(page, nextNumber(state.trackingNo), 'MADEUP2345', 404);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    check((await alert.innerText()).includes('不正确'), `the lookup error does not say the number or code is wrong: "${await alert.innerText()}"`);
    equal(await page.getByLabel('查询码', { exact: true }).inputValue(), '', 'the query code field after a failed lookup');
  });
}

async function staff(ctx, state) {
  const page = state.staffPage;
  const casePath = `/admin/applications/${state.trackingNo}`;

  await ctx.step('/admin without a session redirects to /login', async () => {
    await page.goto(`${state.base}/admin`);
    equal(pathOf(page), '/login', 'path after GET /admin');
    await heading(page, '工作人员登录');
  });

  await ctx.step('sign in as the handler', async () => {
    await page.getByLabel('用户名', { exact: true }).fill(STAFF.user);
    await page.getByLabel('密码', { exact: true }).fill(STAFF.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((u) => u.pathname === '/admin');
    await heading(page, '依申请公开案件');
    const cookies = await page.context().cookies(state.base);
    const session = cookies.find((c) => c.name === 'gk_session');
    check(session, `no gk_session cookie after sign-in (cookies: ${cookies.map((c) => c.name).join(', ') || 'none'})`);
    check(session.httpOnly, 'the session cookie is not HttpOnly');
    equal(session.sameSite, 'Strict', 'SameSite of the session cookie');
  });

  await ctx.step('the dashboard lists the one new application, and not the refused one', async () => {
    const caption = (await page.locator('table caption').innerText()).trim();
    const expected = `共 ${state.baseline + 1} 件`;
    check(caption.startsWith(expected), `dashboard caption: expected "${expected}…" (the demo's applications and the new one; the refused application must not be listed), got "${caption}"`);
    const row = page.locator('table tbody tr', { has: page.getByRole('link', { name: state.trackingNo, exact: true }) });
    equal(await row.count(), 1, `dashboard rows linking to ${state.trackingNo}`);
    const cells = (await row.locator('td').allInnerTexts()).map((t) => t.trim());
    check(cells.includes('已登记'), `the dashboard row does not show 已登记: ${JSON.stringify(cells)}`);
    check(cells.includes(state.dueOn), `the dashboard row does not show the due date ${state.dueOn}: ${JSON.stringify(cells)}`);
  });

  await ctx.step('open the case page', async () => {
    await page.getByRole('link', { name: state.trackingNo, exact: true }).click();
    await page.waitForURL((u) => u.pathname === casePath);
    await heading(page, `案件 ${state.trackingNo}`);
    equal(await definition(page, '状态'), '已登记', 'status on the case page');
    equal(await definition(page, '所需信息'), APPLICANT.description, 'description on the case page');
    state.version = Number(await definition(page, '版本'));
    check(Number.isInteger(state.version) && state.version > 0, `case version not shown: ${state.version}`);
  });

  await ctx.step('record 转办 with the form on the case page', async () => {
    const form = page.getByRole('group', { name: '转办', exact: true });
    check(await form.count() === 1, 'the case page has no 转办 form (fieldset with legend 转办)');
    const date = await form.getByLabel('日期', { exact: true }).inputValue();
    check(/^\d{4}-\d{2}-\d{2}$/.test(date) && date >= state.receivedOn,
          `the 转办 date should default to today (on or after ${state.receivedOn}), got "${date}"`);
    await form.getByLabel('承办单位', { exact: true }).fill('党政办公室');
    await form.getByLabel('承办人', { exact: true }).fill('王伟');
    const [resp] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `${casePath}/events`),
      form.getByRole('button', { name: '记录' }).click(),
    ]);
    equal(resp.status(), 303, 'POST of the 转办 form: status (303 back to the case page)');
    await page.waitForURL((u) => u.pathname === casePath);
    await heading(page, `案件 ${state.trackingNo}`);
    equal(await definition(page, '状态'), '已转办', 'status after 转办');
    equal(Number(await definition(page, '版本')), state.version + 1, 'case version after 转办');
  });

  await ctx.step('the timeline shows 转办 by the handler', async () => {
    const rows = page.locator('table tbody tr');
    const texts = [];
    for (let i = 0; i < await rows.count(); ++i) texts.push((await rows.nth(i).locator('td').allInnerTexts()).map((t) => t.trim()));
    const last = texts[texts.length - 1] || [];
    check(last[2] === '转办' && last[3] === STAFF.user,
          `the last timeline row should be 转办 recorded by ${STAFF.user}; timeline: ${JSON.stringify(texts)}`);
    check(!(await page.getByRole('alert').count()), `the case page shows an error: ${await page.getByRole('alert').allInnerTexts()}`);
  });

  await ctx.step('sign out; /admin asks to sign in again', async () => {
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL((u) => u.pathname === '/login');
    await heading(page, '工作人员登录');
    await page.goto(`${state.base}${casePath}`);
    equal(pathOf(page), '/login', 'path of the case page after signing out');
  });

  await ctx.step('the applicant sees 已转办 on the status page', async () => {
    const pub = state.publicPage;
    await pub.goto(`${state.base}/track`);
    await lookUp(pub, state.trackingNo, state.queryCode, 200);
    await heading(pub, `申请 ${state.trackingNo} 的办理进度`);
    equal(await definition(pub, '当前状态'), '已转办', 'status on /track after 转办');
  });

  await ctx.step('reply, serve and archive from the case page; the reply letter downloads as PDF', async () => {
    await signIn(page, state.base, STAFF);
    await page.goto(`${state.base}${casePath}`);
    const act = async (legend, fill) => {
      const form = page.getByRole('group', { name: legend, exact: true });
      check(await form.count() === 1, `the case page has no ${legend} form`);
      await fill(form);
      await Promise.all([
        page.waitForURL((u) => u.pathname === casePath),
        form.getByRole('button', { name: '记录' }).click(),
      ]);
      check(!(await page.getByRole('alert').count()), `${legend}: ${await page.getByRole('alert').allInnerTexts()}`);
    };
    await act('作出答复', async (f) => {
      await f.getByLabel('办理结果', { exact: true }).selectOption('granted');
      await f.getByLabel('依据（引用条款）', { exact: true }).fill('《中华人民共和国政府信息公开条例》第三十六条第（二）项');
      await f.getByLabel('答复要点', { exact: true }).fill('予以公开，见附件。');
    });
    equal(await definition(page, '状态'), '已答复', 'status after the reply');
    const pdf = page.getByRole('link', { name: 'PDF', exact: true }).last();
    const href = await pdf.getAttribute('href');
    const letter = await page.request.get(`${state.base}${href}`);
    equal(letter.status(), 200, 'reply letter download status');
    equal((await letter.body()).subarray(0, 5).toString(), '%PDF-', 'the reply letter is a PDF');
    await act('送达', async (f) => {
      await f.getByLabel('送达方式', { exact: true }).selectOption('post');
      await f.getByLabel('送达凭证', { exact: true }).fill('挂号信 XA123456789CN');
    });
    equal(await definition(page, '状态'), '已送达', 'status after service');
    await act('归档', async (f) => {
      await f.getByLabel('档号', { exact: true }).fill('2026-YSQ-001');
    });
    equal(await definition(page, '状态'), '已归档', 'status after archiving');
  });
}

async function portal(ctx, state) {
  const page = state.publicPage;
  const first = RECORDS[0];

  await ctx.step('home page lists the newest records and the agencies', async () => {
    const r = await page.goto(`${state.base}/`);
    equal(r.status(), 200, 'GET / status');
    await heading(page, '政府信息公开');
    const links = (await page.locator('main ul').first().locator('a').allInnerTexts()).map((t) => t.trim());
    equal(links[0], RECORDS[2].title, 'the newest record is listed first');
    check(links.includes(first.title), `the home page does not list "${first.title}": ${JSON.stringify(links)}`);
    await page.getByRole('link', { name: AGENCY, exact: true }).waitFor();
  });

  await ctx.step('agency page: guide and catalogue', async () => {
    await page.getByRole('link', { name: AGENCY, exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/agencies/weihai-lingang');
    await heading(page, AGENCY);
    await page.getByRole('heading', { name: '政府信息公开指南' }).waitFor();
    await page.getByRole('heading', { name: '政府信息公开目录' }).waitFor();
    const rows = page.locator('table tbody tr');
    // The demo's records and the two imported here.
    const api = await (await page.request.get(`${state.base}/api/v1/records?agency=weihai-lingang&per_page=1`)).json();
    equal(await rows.count(), Math.min(api.total, 20), 'catalogue rows of the agency');
    const row = page.locator('table tbody tr', { hasText: first.index_no });
    const cells = (await row.locator('td').allInnerTexts()).map((t) => t.trim());
    equal(cells[0], first.index_no, '索引号 in the catalogue');
    equal(cells[3], first.formed_on, '生成日期 in the catalogue');
  });

  await ctx.step('search with the form: highlighted results', async () => {
    await page.goto(`${state.base}/`);
    await page.getByLabel('检索政府信息（多个词用空格分隔）', { exact: true }).fill(SEARCH_WORD);
    await Promise.all([
      page.waitForURL((u) => u.pathname === '/search'),
      page.getByRole('button', { name: '检索', exact: true }).click(),
    ]);
    await heading(page, '检索政府信息');
    const status = (await page.getByRole('status').innerText()).trim();
    equal(status, '共找到 1 条信息。', 'result count');
    const marks = await page.locator('article mark').allInnerTexts();
    check(marks.length > 0 && marks.every((m) => m === SEARCH_WORD), `highlights: ${JSON.stringify(marks)}`);
    equal(await page.getByLabel(/^检索词/).inputValue(), SEARCH_WORD, 'the query is kept in the form');
  });

  await ctx.step('record page shows the record', async () => {
    await page.locator('article h3 a').first().click();
    await page.waitForURL((u) => /^\/records\/\d+$/.test(u.pathname));
    state.recordPath = pathOf(page);
    await heading(page, first.title);
    const table = await page.locator('table').innerText();
    for (const v of [first.index_no, first.doc_no, first.published_on, first.formed_on, '有效']) {
      check(table.includes(v), `the record page does not show ${v}`);
    }
    const paragraphs = await page.locator('main p').allInnerTexts();
    check(paragraphs.some((p) => p.startsWith('第一条')), 'the body is shown paragraph by paragraph');
  });

  await ctx.step('a record page lists its attachment and its 政策解读', async () => {
    const r = await page.request.get(`${state.base}/api/v1/records?q=${encodeURIComponent('裁量基准 第三条')}`);
    const found = await r.json();
    equal(found.total, 1, 'the attachment text is searched with the body');
    await page.goto(`${state.base}${found.items[0].url}`);
    state.basisPath = pathOf(page);
    await page.getByRole('heading', { level: 2, name: '附件', exact: true }).waitFor({ timeout: 10_000 });
    const link = page.getByRole('link', { name: '行政处罚裁量基准.docx', exact: true });
    const file = await page.request.get(new URL(await link.getAttribute('href'), state.base).href);
    equal(file.status(), 200, 'attachment download status');
    check(file.headers()['content-type'].includes('wordprocessingml'), 'attachment content type');
    await page.getByRole('heading', { level: 2, name: '政策解读', exact: true }).waitFor({ timeout: 10_000 });
    await Promise.all([
      page.waitForURL((u) => /^\/records\/\d+$/.test(u.pathname) && u.pathname !== state.basisPath),
      page.getByRole('link', { name: /政策解读$/ }).click(),
    ]);
    await page.getByRole('heading', { level: 2, name: '解读的文件', exact: true }).waitFor({ timeout: 10_000 });
    state.readingPath = pathOf(page);
  });

  await ctx.step('large-text mode toggles and is remembered', async () => {
    await page.getByRole('link', { name: '大字模式', exact: true }).click();
    await page.waitForLoadState();
    equal(await page.locator('body').getAttribute('class'), 'large', 'body class in large-text mode');
    await page.goto(`${state.base}/search`);
    equal(await page.locator('body').getAttribute('class'), 'large', 'large-text mode on the next page');
    await page.getByRole('link', { name: '标准字号', exact: true }).click();
    await page.waitForLoadState();
    equal(await page.locator('body').getAttribute('class'), null, 'body class after switching back');
  });

  await ctx.step('Atom feed of new records', async () => {
    const r = await page.request.get(`${state.base}/feed.atom`);
    equal(r.status(), 200, 'GET /feed.atom status');
    check(r.headers()['content-type'].startsWith('application/atom+xml'), 'feed content type');
    const xml = await r.text();
    // The newest records, the ones imported here (dated after the demo's) among them.
    const entries = (xml.match(/<entry>/g) || []).length;
    check(entries >= RECORDS.length, `feed entries: expected at least ${RECORDS.length}, got ${entries}`);
    for (const rec of RECORDS) check(xml.includes(rec.title), `the feed does not list "${rec.title}"`);
    check(xml.includes(`${state.base}${state.recordPath}`), 'the feed links to the record page');
  });

  await ctx.step('axe-core: no serious or critical violation on any public page', async () => {
    // The pages forbid scripts (CSP); this context bypasses it to inject axe.
    const axeSource = fs.readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
    const ctxAxe = await state.browser.newContext({ locale: 'zh-CN', bypassCSP: true });
    const p = await ctxAxe.newPage();
    const paths = ['/', '/?agency=weihai-lingang', '/agencies/weihai-lingang', `/search?q=${encodeURIComponent(SEARCH_WORD)}`,
                   '/search?page=0', state.recordPath, state.basisPath, state.readingPath, '/?large=1', '/apply', '/track', '/deadline', '/login'];
    const problems = [];
    for (const route of paths) {
      await p.goto(`${state.base}${route}`);
      await p.addScriptTag({ content: axeSource });
      const result = await p.evaluate(async () => {
        // eslint-disable-next-line no-undef
        const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
        return {
          passes: r.passes.length,
          violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, target: v.nodes[0]?.target })),
        };
      });
      check(result.passes > 0, `axe ran no rule on ${route}`);
      for (const v of result.violations) {
        if (v.impact === 'serious' || v.impact === 'critical') problems.push(`${route}: ${v.id} (${v.impact}, ${v.nodes} nodes, e.g. ${JSON.stringify(v.target)})`);
      }
    }
    await ctxAxe.close();
    check(problems.length === 0, `accessibility violations:\n    ${problems.join('\n    ')}`);
    console.log(`    ${paths.length} pages checked`);
  });
}

async function signIn(page, base, who) {
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名', { exact: true }).fill(who.user);
  await page.getByLabel('密码', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((u) => u.pathname === '/admin');
}

// Serious or critical axe-core findings on `paths`, visited with `page`
// (a context that bypasses the pages' CSP so axe can be injected).
async function axeProblems(page, base, paths) {
  const axeSource = fs.readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
  const problems = [];
  for (const route of paths) {
    await page.goto(`${base}${route}`);
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () => {
      // eslint-disable-next-line no-undef
      const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return {
        passes: r.passes.length,
        violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, target: v.nodes[0]?.target })),
      };
    });
    check(result.passes > 0, `axe ran no rule on ${route}`);
    for (const v of result.violations) {
      if (v.impact === 'serious' || v.impact === 'critical') problems.push(`${route}: ${v.id} (${v.impact}, ${v.nodes} nodes, e.g. ${JSON.stringify(v.target)})`);
    }
  }
  return problems;
}

// 政民互动: a message written with the form, answered and published by the
// handler, shown with the name masked and no phone; the writer tracks it with
// the number and code; axe-core on the public interaction pages.
async function interaction(ctx, state) {
  const page = state.publicPage;
  const WRITER = { name: '欧阳晓明', phone: '13612345678', title: '关于临港区公交线路调整的咨询' };
  let messageNo = '';
  let code = '';
  await ctx.step('write a message with the form (no script needed)', async () => {
    await page.goto(`${state.base}/interaction`);
    await heading(page, '政民互动');
    await page.getByLabel('留言机关（必填）').selectOption({ label: AGENCY });
    await page.getByLabel('姓名（必填，不公开）').fill(WRITER.name);
    await page.getByLabel('联系电话（必填，不公开）').fill(WRITER.phone);
    await page.getByLabel('标题（必填）').fill(WRITER.title);
    await page.getByLabel('留言内容（必填，不超过5000字）').fill('请问江苏东路公交线路何时恢复？');
    await page.getByLabel('同意公开留言和答复（姓名、电话不公开）').check();
    await page.getByRole('button', { name: '提交留言' }).click();
    await heading(page, '留言已收到');
    messageNo = await definition(page, '留言编号');
    code = await definition(page, '查询码');
    check(/^LY-/.test(messageNo), `message number ${messageNo}`);
    check(code.length >= 8, 'query code of at least 8 characters');
  });
  await ctx.step('a message without a title is refused and kept on the form', async () => {
    await page.goto(`${state.base}/interaction`);
    await page.getByLabel('留言机关（必填）').selectOption({ label: AGENCY });
    await page.getByLabel('姓名（必填，不公开）').fill(WRITER.name);
    await page.getByLabel('联系电话（必填，不公开）').fill(WRITER.phone);
    await page.getByLabel('留言内容（必填，不超过5000字）').fill('没有标题');
    await page.getByRole('button', { name: '提交留言' }).click();
    await page.locator('#err-title').waitFor();
    equal(await page.getByLabel('标题（必填）').getAttribute('aria-invalid'), 'true', 'title marked invalid');
    equal(await page.getByLabel('留言内容（必填，不超过5000字）').inputValue(), '没有标题', 'body kept');
  });
  await ctx.step('the handler answers and publishes it', async () => {
    const staffCtx = await state.browser.newContext({ locale: 'zh-CN', bypassCSP: true });
    const sp = await staffCtx.newPage();
    await signIn(sp, state.base, STAFF);
    await sp.goto(`${state.base}/admin/interaction`);
    await sp.getByRole('link', { name: messageNo }).click();
    await heading(sp, `留言 ${messageNo}`);
    check((await sp.content()).includes(WRITER.phone), 'staff see the phone number');
    await sp.getByLabel('答复内容').fill('该线路已于本月恢复运营，感谢关注。');
    await sp.getByLabel('在政民互动页面公开（姓名、电话不公开）').check();
    await sp.getByRole('button', { name: '保存答复' }).click();
    await heading(sp, `留言 ${messageNo}`);
    check((await sp.content()).includes('已在政民互动页面公开'), 'published');
    // axe-core on the staff pages of 政民互动 and the yearly statistics.
    const problems = await axeProblems(sp, state.base, [
      '/admin/interaction', `/admin/interaction/messages/${messageNo}`, '/admin/interaction/consultations',
      '/admin/interaction/events', '/admin/interaction/media', '/admin/interaction/trainings',
      '/admin/statistics/weihai-lingang/2021', '/admin/statistics/weihai-lingang/2021?figure=media.posts']);
    check(problems.length === 0, `accessibility violations:\n    ${problems.join('\n    ')}`);
    await staffCtx.close();
  });
  await ctx.step('the public page shows it with the name masked and no phone', async () => {
    await page.goto(`${state.base}/interaction`);
    const html = await page.content();
    check(html.includes(WRITER.title), 'the message is listed');
    check(html.includes('该线路已于本月恢复运营'), 'with its answer');
    check(html.includes('欧***'), 'the masked name');
    check(!html.includes(WRITER.name), 'never the name');
    check(!html.includes(WRITER.phone), 'never the phone');
  });
  await ctx.step('the writer tracks it with number and code (a form post)', async () => {
    await page.getByLabel('留言编号').fill(messageNo);
    await page.getByLabel('查询码').fill(code);
    await page.getByRole('button', { name: '查询' }).click();
    await heading(page, `留言 ${messageNo}`);
    equal(await definition(page, '办理状态'), '已答复', 'status');
    check(!page.url().includes(code), 'the code is not in the URL');
  });
  await ctx.step('consultations and events are listed', async () => {
    await page.goto(`${state.base}/interaction/consultations`);
    await heading(page, '意见征集');
    await page.locator('ul.list a').first().click();
    state.consultationPath = pathOf(page);
    check((await page.content()).includes('意见采纳情况'), 'the demo consultation shows its feedback');
    await page.goto(`${state.base}/interaction/events`);
    await page.locator('ul.list a').first().click();
    state.eventPath = pathOf(page);
  });
  await ctx.step('axe-core: no serious or critical violation on the interaction pages', async () => {
    const ctxAxe = await state.browser.newContext({ locale: 'zh-CN', bypassCSP: true });
    const p = await ctxAxe.newPage();
    const paths = ['/interaction', '/interaction?page=2', '/interaction/consultations', state.consultationPath,
                   '/interaction/events', state.eventPath];
    const problems = await axeProblems(p, state.base, paths);
    await ctxAxe.close();
    check(problems.length === 0, `accessibility violations:\n    ${problems.join('\n    ')}`);
    console.log(`    ${paths.length} pages checked`);
  });
}

// The agency head prepares and publishes this year's report; the supervisor's
// view; axe-core on the staff pages of these journeys.
async function reportsAndSupervision(ctx, state) {
  const year = new Date().getFullYear();
  const ctxHead = await state.browser.newContext({ locale: 'zh-CN', bypassCSP: true });
  const page = await ctxHead.newPage();
  const editor = `/admin/reports/weihai-lingang/${year}`;

  await ctx.step('the agency head opens this year\'s report: live tables, drill-down', async () => {
    await signIn(page, state.base, HEAD);
    await page.getByRole('link', { name: '年度报告', exact: true }).click();
    await heading(page, '年度报告');
    await page.getByRole('link', { name: `${year}年度`, exact: true }).first().click();
    await page.waitForURL((u) => u.pathname === editor);
    await page.getByRole('heading', { name: '勾稽检查' }).waitFor();
    // The application received in this test is among this year's new ones.
    await page.goto(`${state.base}${editor}/cell?section=${encodeURIComponent('三')}&row=new&column=total`);
    await page.getByRole('link', { name: state.trackingNo, exact: true }).waitFor();
  });

  await ctx.step('enter a figure, publish; the public API serves the frozen report', async () => {
    await page.goto(`${state.base}${editor}`);
    await page.getByLabel('栏目', { exact: true }).selectOption('licensing.decisions');
    await page.getByLabel(/^数值/).fill('12');
    await page.getByLabel('数据来源', { exact: true }).fill('区行政审批服务局业务系统');
    await page.getByRole('button', { name: '保存', exact: true }).last().click();
    await page.waitForURL((u) => u.pathname === editor);
    await page.getByRole('button', { name: '校验并发布', exact: true }).click();
    await page.waitForURL((u) => u.pathname === editor);
    check((await page.locator('main').innerText()).includes('状态：已发布'), 'the report is not shown as published');
    const api = await page.request.get(`${state.base}/api/v1/reports/weihai-lingang/${year}`);
    equal(api.status(), 200, 'published report API status');
    equal((await api.json()).section2.licensing.decisions, 12, 'the entered figure in the published report');
  });

  const problems = await (async () => {
    let found = [];
    await ctx.step('axe-core on the staff pages (head)', async () => {
      found = await axeProblems(page, state.base, ['/admin', `/admin/applications/${state.trackingNo}`, '/admin/reports',
        editor, `${editor}/cell?section=${encodeURIComponent('三')}&row=new&column=total`, '/admin/account', '/admin/users',
        '/admin/audit', '/admin/records']);
    });
    return found;
  })();
  await ctxHead.close();

  const ctxSup = await state.browser.newContext({ locale: 'zh-CN', bypassCSP: true });
  const sup = await ctxSup.newPage();
  await ctx.step('the supervisor\'s view of every agency', async () => {
    await signIn(sup, state.base, SUPERVISOR);
    await sup.getByRole('link', { name: '监督', exact: true }).click();
    await heading(sup, '各机关依申请公开办理情况');
    check((await sup.locator('main').innerText()).includes('威海市工业和信息化局'), 'the supervision page lists the agencies');
    problems.push(...await axeProblems(sup, state.base, ['/admin/supervision']));
  });
  await ctxSup.close();
  await ctx.step('no serious or critical axe-core violation on the staff pages', async () => {
    check(problems.length === 0, `accessibility violations:\n    ${problems.join('\n    ')}`);
  });
}

async function catalogStaff(ctx, state) {
  const page = state.staffPage;

  await ctx.step('editor drafts a record; 索引号 generated; not public yet', async () => {
    await signIn(page, state.base, EDITOR);
    await page.getByRole('link', { name: '主动公开信息', exact: true }).click();
    await heading(page, '主动公开信息');
    await page.getByRole('link', { name: '起草新信息', exact: true }).click();
    await heading(page, '起草新信息');
    await page.getByLabel('标题（必填）', { exact: true }).fill(DRAFT_TITLE);
    await page.getByLabel('目录分类（必填）', { exact: true }).fill('行政许可');
    await page.getByLabel('条例第二十条事项', { exact: true }).selectOption('5');
    await page.getByLabel('正文', { exact: true }).fill('现将行政许可事项清单公布如下。');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForURL((u) => /^\/admin\/records\/\d+$/.test(u.pathname));
    await heading(page, DRAFT_TITLE);
    state.draftPath = pathOf(page);
    const indexNo = await definition(page, '索引号');
    check(/^LG\/\d{4}-00001$/.test(indexNo), `generated 索引号: "${indexNo}"`);
    equal(await definition(page, '状态'), '草稿', 'status of the new draft');
    const r = await page.request.get(`${state.base}/api/v1/records?q=${encodeURIComponent('行政许可事项清单')}`);
    equal((await r.json()).total, 0, 'a draft in the public API');
    await page.getByRole('button', { name: '送保密审查' }).click();
    await page.waitForURL((u) => u.pathname === state.draftPath);
    equal(await definition(page, '状态'), '待审查', 'status after 送审');
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL((u) => u.pathname === '/login');
  });

  await ctx.step('reviewer: the checklist must be complete, then the record is published', async () => {
    await signIn(page, state.base, REVIEWER);
    await page.goto(`${state.base}${state.draftPath}`);
    await heading(page, DRAFT_TITLE);
    const review = page.getByRole('group', { name: /审查清单/ });
    const boxes = review.getByRole('checkbox');
    const n = await boxes.count();
    check(n >= 3, `the review checklist has ${n} items`);
    await boxes.first().check();
    await page.getByRole('button', { name: '同意公开并发布' }).click();
    await page.waitForLoadState();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    check((await alert.innerText()).includes('保密审查未完成'), `an incomplete review was not refused: "${await alert.innerText()}"`);
    for (let i = 0; i < n; ++i) await page.getByRole('group', { name: /审查清单/ }).getByRole('checkbox').nth(i).check();
    await page.getByLabel(/^审查意见/).fill('不涉密，同意公开');
    await page.getByRole('button', { name: '同意公开并发布' }).click();
    await page.waitForURL((u) => u.pathname === state.draftPath);
    equal(await definition(page, '状态'), '已发布', 'status after approval');
    const history = await page.locator('table').last().innerText();
    for (const s of ['create', 'submit', 'approve', EDITOR.user, REVIEWER.user, '不涉密，同意公开']) {
      check(history.includes(s), `the revision history lacks "${s}"`);
    }
    const pub = state.publicPage;
    await pub.goto(`${state.base}/search?q=${encodeURIComponent('行政许可事项清单')}`);
    equal((await pub.getByRole('status').innerText()).trim(), '共找到 1 条信息。', 'public search for the new record');
    await page.getByRole('button', { name: '退出登录' }).click();
  });
}

// ---- main ------------------------------------------------------------------------------

async function main() {
  const bin = process.argv[2] || process.env.GK_BINARY;
  if (!bin) {
    console.error('usage: node tests/e2e/run.mjs PATH/TO/gongkai   (or set GK_BINARY)');
    return 2;
  }
  if (!fs.existsSync(bin)) {
    console.error(`e2e: gongkai binary not found: ${bin} (build it: ninja -C BUILD gongkai)`);
    return 2;
  }
  if (!fs.existsSync(CHROMIUM)) {
    console.error(`e2e: ${CHROMIUM} not found: install Debian's chromium (scripts/deps.sh does)`);
    return 2;
  }
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (e) {
    console.error(`e2e: cannot load playwright-core (${e.message}): run "npm ci" at the repository root (scripts/deps.sh does)`);
    return 2;
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-e2e-'));
  const server = new Server(path.resolve(bin), dir);
  const state = {};
  let browser = null;
  let current = 'setting up';
  let shots = 0;
  const ctx = {
    async step(name, fn) {
      current = name;
      const t0 = Date.now();
      await fn();
      console.log(`ok - ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    },
  };

  // A signal (Ctrl-C, a CTest timeout) must not leave the server running.
  const onSignal = (sig) => {
    server.killNow();
    console.error(`e2e: stopped by ${sig}; files in ${dir}`);
    process.exit(1);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, onSignal);

  let failure = null;
  let timer;
  try {
    const walk = async () => {
      await ctx.step('set up database, staff user and server', async () => {
        server.prepare();
        await server.start();
        state.base = server.base;
        state.baseline = server.baseline;
      });
      await ctx.step('launch headless Chromium', async () => {
        browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 30_000 });
        state.browser = browser;
        // Separate contexts: the applicant and the staff member share no cookies.
        state.publicPage = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
        state.staffPage = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
        watch(state.publicPage);
        watch(state.staffPage);
      });
      console.log('# a. apply online and follow the status page');
      await applyOnline(ctx, state);
      console.log('# b. bad input');
      await badInput(ctx, state);
      console.log('# c. staff');
      await staff(ctx, state);
      console.log('# d. the proactive-disclosure portal');
      await portal(ctx, state);
      console.log('# e. the catalog\'s staff: draft, 保密审查, publish');
      await catalogStaff(ctx, state);
      console.log('# f. the annual report and the supervising office');
      await reportsAndSupervision(ctx, state);
      console.log('# g. 政民互动');
      await interaction(ctx, state);
      await ctx.step('the query code never appeared in a URL', async () => {
        const leaks = requestedUrls.filter((u) => u.includes(state.queryCode));
        check(leaks.length === 0, `the query code appears in: ${leaks.join(', ')}`);
        check(requestedUrls.length > 0, 'no requests were seen');
      });
    };
    const deadline = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new StepFailure(`the test took longer than ${OVERALL_MS / 1000} s`)), OVERALL_MS);
    });
    await Promise.race([walk(), deadline]);
  } catch (e) {
    failure = e;
  } finally {
    clearTimeout(timer);
    if (failure) {
      console.error(`FAIL - ${current}\n  ${failure instanceof StepFailure ? failure.message : failure.stack || failure}`);
      for (const [who, page] of [['public', state.publicPage], ['staff', state.staffPage]]) {
        if (!page || page.isClosed()) continue;
        const file = path.join(dir, `failure-${++shots}-${who}.png`);
        try {
          await page.screenshot({ path: file, fullPage: true, timeout: 5_000 });
          console.error(`  ${who} page ${page.url()} → ${file}`);
        } catch (e) {
          console.error(`  (no screenshot of the ${who} page: ${e.message.split('\n')[0]})`);
        }
      }
    }
    if (browser) await browser.close().catch(() => {});
    await server.stop();
    if (failure) {
      console.error(`  server log (${server.logPath}), last lines:\n${server.logTail(15).replace(/^/gm, '    ')}`);
      console.error(`  screenshots and server log kept in ${dir}`);
    } else {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  if (failure) return 1;
  console.log('e2e: all steps passed');
  return 0;
}

process.exitCode = await main();
