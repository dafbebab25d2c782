export const id = 679;
export const ids = [679];
export const modules = {

/***/ 6679:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  loadKnownIssues: () => (/* binding */ loadKnownIssues),
  problemsLine: () => (/* binding */ problemsLine),
  settleKnownIssues: () => (/* binding */ settleKnownIssues)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/guards.ts
var guards = __webpack_require__(9609);
// EXTERNAL MODULE: ./src/verdict/known-issues.ts
var known_issues = __webpack_require__(751);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/verdict/patterns.ts
var patterns = __webpack_require__(1230);
;// CONCATENATED MODULE: ./src/verdict/known-issues-file.ts
// Reads the text of a known-issues file: YAML 1.2 (the `yaml` package, which gives each node its
// line), a list of entries, each checked field by field. A problem names the line of the entry and
// what is wrong; the caller names the file. Loaded only when `known-issues` is set. Pure.


/** Every key an entry may have, in the order the docs list them. */
const ENTRY_KEYS = [
    'name',
    'page',
    'test',
    'reason',
    'max-severity',
    'until',
    'ticket'
];
/** A value shown in a problem: one short line, text quoted, anything else as YAML wrote it. */
function shown(value) {
    const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
    const line = text.replace(/[\r\n]+/g, '⏎');
    const short = line.length > 60 ? `${line.slice(0, 57)}...` : line;
    return typeof value === 'string' ? JSON.stringify(short) : short;
}
/**
 * The entries of a known-issues file, or every problem found in it (each with its line). `today`
 * is the UTC day (`YYYY-MM-DD`) that `until` is measured from.
 */
function parseKnownIssuesFile(text, today) {
    const lines = new dist/* LineCounter */.HN();
    // YAML 1.2's core schema: `2027-03-31` stays text and `no` is not false (YAML 1.1 readers differ).
    const document = (0,dist/* parseDocument */.Tp)(text, {
        lineCounter: lines,
        uniqueKeys: true,
        prettyErrors: false
    });
    const lineOf = (offset) => lines.linePos(offset ?? 0).line;
    const problems = [];
    for (const error of document.errors) {
        problems.push({
            line: error.linePos?.[0]?.line ?? lineOf(error.pos[0]),
            message: `not valid YAML: ${error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`
        });
    }
    if (problems.length > 0)
        return { ok: false, problems };
    const root = document.contents;
    // An empty file (or one with only comments) waives nothing.
    if (root === null || ((0,dist/* isScalar */.jn)(root) && (root.value === null || root.value === ''))) {
        return { ok: true, entries: [] };
    }
    if (!(0,dist/* isSeq */.oP)(root)) {
        return {
            ok: false,
            problems: [
                {
                    line: lineOf(root.range?.[0]),
                    message: 'the file must be a list of entries (each starting with "- name:" or "- page:")'
                }
            ]
        };
    }
    const entries = [];
    for (const item of root.items) {
        const line = lineOf(item?.range?.[0]);
        const entry = readEntry(item, line, today, problems);
        if (entry)
            entries.push(entry);
    }
    return problems.length > 0 ? { ok: false, problems } : { ok: true, entries };
}
function readEntry(item, line, today, problems) {
    const problem = (message) => {
        problems.push({ line, message });
        return null;
    };
    if ((0,dist/* isAlias */.Vj)(item))
        return problem('aliases (*name) are not accepted: write the entry out');
    if (!(0,dist/* isMap */.jh)(item)) {
        return problem('an entry must be a mapping of keys (name, page, test, reason, max-severity, until, ticket)');
    }
    const values = new Map();
    for (const pair of item.items) {
        const key = (0,dist/* isScalar */.jn)(pair.key) ? pair.key.value : pair.key;
        if (typeof key !== 'string' || !ENTRY_KEYS.includes(key)) {
            return problem(`unknown key ${shown(key)} (accepted: ${ENTRY_KEYS.join(', ')})`);
        }
        if ((0,dist/* isAlias */.Vj)(pair.value))
            return problem(`${key}: aliases (*name) are not accepted`);
        if (pair.value !== null && !(0,dist/* isScalar */.jn)(pair.value)) {
            return problem(`${key} must be a single value, not a list or a mapping`);
        }
        values.set(key, pair.value === null ? null : pair.value.value);
    }
    const text = (key) => {
        const value = values.get(key);
        if (value === undefined)
            return undefined;
        // A bare number is text too (`name: 404`), but not an empty value, true/false or a date object.
        if (typeof value === 'number' && Number.isFinite(value))
            return String(value);
        if (typeof value !== 'string' || value.trim() === '') {
            problem(`${key} must be non-empty text, not ${shown(value)}`);
            return null;
        }
        return value.trim();
    };
    const reason = text('reason');
    const name = text('name');
    const page = text('page');
    const test = text('test');
    const ticket = text('ticket');
    const until = text('until');
    if (reason === null || name === null || page === null || test === null)
        return null;
    if (ticket === null || until === null)
        return null;
    if (reason === undefined) {
        return problem('reason is missing: say in one line why this finding does not block merges');
    }
    if (/[\r\n]/.test(reason))
        return problem('reason must be one line');
    if (name === undefined && page === undefined) {
        return problem('an entry needs name or page (or both): what it waives');
    }
    if (name !== undefined && (0,patterns/* matchesEverything */.rM)((0,patterns/* namePattern */._u)(name))) {
        return problem(`name ${shown(name)} has no letter or digit outside *: it would waive every finding (use fail-on: never for that)`);
    }
    if (page !== undefined) {
        const pageProblem = (0,patterns/* pagePatternProblem */.$o)(page);
        if (pageProblem)
            return problem(pageProblem);
        if (name === undefined && (0,patterns/* pageMatchesEverything */.CR)((0,patterns/* pagePattern */.i_)(page))) {
            return problem(`page ${shown(page)} has no literal part: alone it matches (nearly) every page and would waive every finding`);
        }
    }
    const entry = { line, reason };
    if (name !== undefined)
        entry.name = name;
    if (page !== undefined)
        entry.page = page;
    if (test !== undefined)
        entry.test = test;
    const severity = values.get('max-severity');
    if (severity !== undefined) {
        if (typeof severity !== 'number' ||
            !Number.isInteger(severity) ||
            severity < 1 ||
            severity > 5) {
            return problem(`max-severity is ${shown(severity)}: expected a whole number from 1 (minor) to 5 (critical)`);
        }
        entry.maxSeverity = severity;
    }
    if (until !== undefined) {
        const untilProblem = checkUntil(until, today);
        if (untilProblem)
            return problem(untilProblem);
        entry.until = until;
    }
    if (ticket !== undefined) {
        if (!isHttpsLink(ticket)) {
            return problem(`ticket ${shown(ticket)} is not an https link: expected a URL such as https://github.com/acme/shop/issues/1234`);
        }
        entry.ticket = ticket;
    }
    return entry;
}
/** Why an `until` is refused, or null: a real date, `YYYY-MM-DD`, at most a year ahead. */
function checkUntil(until, today) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(until);
    const time = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
    if (!match || Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== until) {
        return `until ${shown(until)} is not a date: expected YYYY-MM-DD, such as 2027-03-31`;
    }
    // A waiver is reviewed at least once a year: the same day next year is the latest.
    const [year, month, day] = today.split('-').map(Number);
    const latest = new Date(Date.UTC(year + 1, month - 1, day)).toISOString().slice(0, 10);
    if (until > latest) {
        return `until ${until} is more than a year ahead (the latest accepted today is ${latest}): a waiver is reviewed at least once a year`;
    }
    return null;
}
function isHttpsLink(text) {
    try {
        const url = new URL(text);
        return url.protocol === 'https:' && !url.username && !url.password && text === text.trim();
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/inputs/known-issues-file.ts
// Reads the file of known issues: the workspace's copy before any request (a file of the repository,
// inside the workspace once links are followed, at most 1 MiB, every entry valid: any problem is
// one input error naming the file, the entry's line and what is wrong), then the base commit's copy
// through GitHub, to mark the entries the pull request adds. Loaded only when `known-issues` is set
// (with the YAML parser, one chunk).





/** At most this many problems are named in the one error line; the rest are counted. */
const PROBLEMS_SHOWN = 3;
/** The problems of a file, as one line: the first few by line, then how many more. */
function problemsLine(file, problems) {
    const shown = problems.slice(0, PROBLEMS_SHOWN).map(p => `line ${p.line}: ${p.message}`);
    const more = problems.length - shown.length;
    return (`Input '${constants/* Inputs */.G0.KnownIssues}': ${JSON.stringify(file)} ${shown.join('; ')}` +
        (more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : '') +
        '.');
}
/** The workspace's entries, or why the file is refused (one line). `today`: `YYYY-MM-DD`, UTC. */
async function loadKnownIssues(input, today) {
    const name = JSON.stringify(input.file);
    const refuse = (why) => ({
        ok: false,
        message: `Input '${constants/* Inputs */.G0.KnownIssues}': ${name} ${why}`
    });
    let real;
    let workspace;
    try {
        ;
        [real, workspace] = await Promise.all([(0,promises_.realpath)(input.path), (0,promises_.realpath)(input.workspace)]);
    }
    catch (error) {
        const code = error.code;
        return code === 'ENOENT'
            ? refuse(`was not found in the workspace (${input.workspace}): check the path, and that actions/checkout ran before this step.`)
            : refuse(`could not be read (${code ?? error.message}).`);
    }
    // A link may point anywhere on the runner; only a file of the repository is reviewed like code.
    if ((0,guards/* pathInside */._l)(workspace, real) === null) {
        return refuse(`leads outside the workspace (to ${real}) once links are followed: the file of known issues must be part of the repository.`);
    }
    let text;
    try {
        const handle = await (0,promises_.open)(real, 'r');
        try {
            const stat = await handle.stat();
            if (!stat.isFile())
                return refuse('is not a file.');
            if (stat.size > constants/* Limits */.xu.maxKnownIssuesBytes) {
                return refuse(`is ${stat.size} bytes, over the 1 MiB a file of known issues may have: keep it to the waivers people review.`);
            }
            text = (await handle.readFile('utf8')).replace(/^\ufeff/, '');
        }
        finally {
            await handle.close();
        }
    }
    catch (error) {
        return refuse(`could not be read (${error.code ?? error.message}).`);
    }
    const parsed = parseKnownIssuesFile(text, today);
    return parsed.ok ? parsed : { ok: false, message: problemsLine(input.file, parsed.problems) };
}
/**
 * All the calls to GitHub for the base commit's copy end within this: a stalled GitHub leaves the
 * entries unverified instead of holding the runs' verdict.
 */
const BASE_READ_TIMEOUT_MS = 15_000;
/**
 * The entries as the verdict uses them: compared with the base commit's copy when the runs are
 * for a pull request, expired or not, in force or not under `known-issues-from`.
 */
async function settleKnownIssues(options) {
    const { input, today } = options;
    const read = await readBase(options);
    const base = read.check;
    return {
        file: input.file,
        from: input.from,
        base,
        entries: (0,known_issues/* settleEntries */.Y2)(options.entries, {
            base,
            ...(read.entries ? { baseEntries: read.entries } : {}),
            from: input.from,
            today
        })
    };
}
async function readBase(options) {
    const { context, input } = options;
    const pullRequest = context.baseSha !== '' || context.prNumber !== null;
    // With no pull request the checkout may still not be a reviewed commit (a deployment of a
    // preview, a fork's workflow_run that checked out its head, a push to a feature branch): the
    // entries are then compared with the default branch's copy. Only on the default branch itself
    // is the file the reviewed one already.
    if (!pullRequest && context.onDefaultBranch)
        return { check: { kind: 'no-pull-request' } };
    const against = pullRequest ? 'pull-request' : 'default-branch';
    const unverified = (reason) => ({ check: { kind: 'unverified', reason } });
    if (!options.githubToken) {
        return unverified('github-token is empty (pull requests from forks get no secrets)');
    }
    const timeoutMs = options.timeoutMs ?? BASE_READ_TIMEOUT_MS;
    const signal = AbortSignal.any([options.signal, AbortSignal.timeout(timeoutMs)]);
    try {
        const files = await options.files({
            token: options.githubToken,
            apiUrl: context.apiUrl,
            owner: context.owner,
            repo: context.repo,
            signal,
            ...(options.onRequest ? { onRequest: options.onRequest } : {})
        });
        // A stalled GitHub is named as such, not by the abort it caused.
        const why = (message) => signal.aborted && !options.signal.aborted ? `no answer within ${timeoutMs / 1000} s` : message;
        let sha = pullRequest ? context.baseSha : null;
        if (pullRequest && !sha) {
            const found = await files.baseOf(context.prNumber);
            if ('failed' in found) {
                return unverified(`the base commit of pull request #${context.prNumber} is unknown (${why(found.failed)})`);
            }
            sha = found.sha;
        }
        const at = sha ? `at the base commit ${sha.slice(0, 12)}` : 'on the default branch';
        const answer = await files.fileAt(input.repoPath, sha);
        if (answer.kind === 'missing')
            return { check: { kind: 'new-file', against } };
        if (answer.kind === 'failed') {
            return unverified(`${input.repoPath} could not be read ${at} (${why(answer.message)})`);
        }
        const parsed = parseKnownIssuesFile(answer.text, options.today);
        if (!parsed.ok) {
            const first = parsed.problems[0];
            return unverified(`${input.repoPath} ${at} is not a valid file of known issues (line ${first?.line ?? 1}: ${first?.message ?? 'unreadable'})`);
        }
        return { check: { kind: 'read', against }, entries: parsed.entries };
    }
    catch (error) {
        return unverified(`GitHub could not be asked (${error instanceof Error ? error.message : String(error)})`);
    }
}


/***/ })

};
