export const id = 173;
export const ids = [173,931];
export const modules = {

/***/ 5416:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  q: () => (/* binding */ GitHubLookupError),
  _: () => (/* binding */ findPullRequest)
});

// EXTERNAL MODULE: ./src/guards.ts
var guards = __webpack_require__(9609);
;// CONCATENATED MODULE: ./src/github/merge-queue.ts
// What a merge queue's `merge_group` event says: the pull request its temporary branch names, the
// queue commit (what will land) and the branch it lands on. Pure.
/**
 * GitHub names the queue's branch `gh-readonly-queue/<base>/pr-<N>-<sha of the pull request's head>`;
 * the base may hold slashes (`release/2.x`), the number never does.
 */
const QUEUE_BRANCH = /^(?:refs\/heads\/)?gh-readonly-queue\/.+\/pr-([1-9]\d{0,9})-[0-9a-f]{7,64}$/;
const isObject = (value) => typeof value === 'object' && value !== null;
const merge_queue_text = (value) => (typeof value === 'string' ? value : '');
function queuedPullRequest(payload) {
    const group = isObject(payload.merge_group) ? payload.merge_group : {};
    const headRef = merge_queue_text(group.head_ref);
    const headSha = merge_queue_text(group.head_sha);
    const number = Number(QUEUE_BRANCH.exec(headRef)?.[1] ?? 0);
    // A required check that passes without testing would let the queue merge anything.
    if (!number || !Number.isSafeInteger(number)) {
        const shown = headRef ? JSON.stringify(headRef.slice(0, 200)) : 'missing';
        return {
            kind: 'unnamed',
            message: `the merge_group event's branch (merge_group.head_ref) is ${shown}, which names no pull request (expected refs/heads/gh-readonly-queue/<base>/pr-<number>-<sha>), so the queue commit cannot be tested.`
        };
    }
    if (!headSha) {
        return {
            kind: 'unnamed',
            message: `the merge_group event gives no queue commit (merge_group.head_sha), so there is nothing to test.`
        };
    }
    return {
        kind: 'queued',
        number,
        headSha,
        baseBranch: merge_queue_text(group.base_ref).replace(/^refs\/heads\//, ''),
        headRef
    };
}

;// CONCATENATED MODULE: ./src/github/pull-request.ts
// Which pull request the exploration agent should test, from whatever event started the workflow:
// the payload when it carries one, else GitHub's REST API through an injected client.


class GitHubLookupError extends Error {
    name = 'GitHubLookupError';
}
const pull_request_isObject = guards/* isPlainObject */.Qd;
const pull_request_text = guards/* textOf */.b6;
const positive = (value) => typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;
function factsOf(pull) {
    const head = pull_request_isObject(pull.head) ? pull.head : {};
    const base = pull_request_isObject(pull.base) ? pull.base : {};
    return {
        number: positive(pull.number),
        title: pull_request_text(pull.title),
        body: pull_request_text(pull.body),
        baseBranch: pull_request_text(base.ref),
        headBranch: pull_request_text(head.ref),
        headSha: pull_request_text(head.sha),
        state: pull_request_text(pull.state)
    };
}
const pull_request_short = (sha) => sha.slice(0, 12);
async function findPullRequest(options) {
    try {
        const found = await lookup(options);
        if (found.kind !== 'found')
            return found;
        // The agent's request needs the head commit; a pull request without one cannot be tested.
        if (!found.pr.headSha) {
            return {
                kind: 'failed',
                message: `GitHub gave no head commit for pull request #${found.pr.number}, so the agent cannot be told what to test.`
            };
        }
        if (found.pr.state !== 'closed')
            return found;
        const closed = `pull request #${found.pr.number} is closed`;
        // Named on purpose (pr-number): tested, with a warning. Found from an event: nothing to test.
        if (options.prNumber > 0) {
            const warning = `${closed}, but pr-number names it: testing it anyway.`;
            return { ...found, warnings: [...(found.warnings ?? []), warning] };
        }
        return {
            kind: 'skipped',
            reason: `${closed} (merged or closed before this run): there is nothing to test; set pr-number to test it anyway.`
        };
    }
    catch (error) {
        if (error instanceof GitHubLookupError)
            return { kind: 'failed', message: error.message };
        throw error;
    }
}
async function lookup(options) {
    const { eventName, payload, owner, repo } = options;
    const where = `${owner}/${repo}`;
    const needApi = (why) => {
        if (options.api)
            return options.api;
        throw new GitHubLookupError(`github-token is empty, but finding the pull request ${why} needs GitHub's API: ` +
            `pass github-token (the default, \${{ github.token }}, works with permissions: pull-requests: read).`);
    };
    const byNumber = async (number, source) => {
        const pull = await needApi(`#${number}`).getPull(number);
        if (!pull) {
            return {
                kind: 'failed',
                message: `pull request #${number} was not found in ${where} (GitHub answered 404); check ${source}.`
            };
        }
        return {
            kind: 'found',
            // The number asked for, not the answer's: a body without one must not start the agent on #0.
            pr: { ...factsOf(pull), number },
            source: `GitHub, pull request #${number}`,
            notices: []
        };
    };
    // A deployment that did not succeed has nothing to test, whichever pull request it belongs to.
    let deploymentUrl;
    let unusableUrls = [];
    let deploymentSha = '';
    if (eventName === 'deployment_status') {
        const status = pull_request_isObject(payload.deployment_status) ? payload.deployment_status : {};
        const state = pull_request_text(status.state);
        if (state !== 'success') {
            return {
                kind: 'skipped',
                reason: `the deployment's state is "${state || 'unknown'}", not "success": there is no deployment to test yet.`,
                noOccasion: true
            };
        }
        const given = [pull_request_text(status.environment_url), pull_request_text(status.target_url)].filter(Boolean);
        // http(s), exactly as GitHub gave it, as the target-url input must be: whoever created the
        // deployment wrote it, and the API would refuse anything else blaming target-url.
        deploymentUrl = given.find(guards/* isHttpUrl */.q$);
        unusableUrls = given.filter(url => !(0,guards/* isHttpUrl */.q$)(url));
        const deployment = pull_request_isObject(payload.deployment) ? payload.deployment : {};
        deploymentSha = pull_request_text(deployment.sha);
    }
    const withDeployment = (found) => {
        if (found.kind !== 'found')
            return found;
        const notices = [
            ...found.notices,
            ...unusableUrls.map(url => `The deployment's URL ${JSON.stringify(url.slice(0, 200))} is not an http(s) URL, so it is not used as target-url.`)
        ];
        return { ...found, notices, ...(deploymentUrl ? { deploymentUrl } : {}) };
    };
    if (options.prNumber > 0) {
        const found = withDeployment(await byNumber(options.prNumber, 'the pr-number input'));
        // In a merge queue the queue's commit is what will land, and what the check gates: it is the
        // one tested, whichever pull request pr-number names.
        const queued = eventName === 'merge_group' ? queuedPullRequest(payload) : null;
        if (found.kind !== 'found' || queued?.kind !== 'queued')
            return found;
        const other = queued.number !== options.prNumber
            ? [
                `pr-number names pull request #${options.prNumber}, the merge queue's branch #${queued.number}: the queue's commit ${pull_request_short(queued.headSha)} is what is tested.`
            ]
            : [];
        return { ...testedInQueue(found, queued), notices: [...found.notices, ...other] };
    }
    // Any event that carries a pull request (pull_request_review, pull_request_review_comment, ...)
    // is about that one: nothing that carries an open pull request is skipped.
    const carried = pull_request_isObject(payload.pull_request) ? payload.pull_request : null;
    switch (eventName) {
        case 'pull_request':
        case 'pull_request_target': {
            if (carried && positive(carried.number))
                break;
            // GitHub always sends it: without it the payload is not GitHub's, and finding "nothing to
            // test" would let a required check pass untested.
            return {
                kind: 'failed',
                message: `the ${eventName} event's payload has no pull request (or none with a number): GitHub always sends one, so the event file is not what GitHub wrote; set pr-number to name the pull request.`
            };
        }
        case 'merge_group': {
            // The queue's temporary branch names the pull request; the queue commit is what will land.
            const queued = queuedPullRequest(payload);
            if (queued.kind === 'unnamed')
                return { kind: 'failed', message: queued.message };
            const found = await byNumber(queued.number, 'the merge queue branch');
            if (found.kind !== 'found')
                return found;
            return testedInQueue(found, queued);
        }
        case 'issue_comment': {
            const issue = pull_request_isObject(payload.issue) ? payload.issue : null;
            if (!issue || !pull_request_isObject(issue.pull_request)) {
                return {
                    kind: 'skipped',
                    reason: 'the comment is on an issue, not on a pull request.',
                    noOccasion: true
                };
            }
            if (!positive(issue.number))
                break;
            return byNumber(positive(issue.number), 'the comment event');
        }
        case 'deployment_status': {
            if (!deploymentSha)
                break;
            const pulls = await needApi(`of deployment ${pull_request_short(deploymentSha)}`).pullsForCommit(deploymentSha);
            const open = pulls
                .filter(p => p.state === 'open' && p.head?.sha === deploymentSha)
                .sort((a, b) => pull_request_text(b.updated_at).localeCompare(pull_request_text(a.updated_at)));
            const [first] = open;
            if (!first) {
                return {
                    kind: 'skipped',
                    reason: `no open pull request in ${where} has the deployed commit ${pull_request_short(deploymentSha)} as its head (a deployment of a branch without a pull request, or a commit the pull request has moved past).`
                };
            }
            const notices = open.length > 1
                ? [
                    `${open.length} open pull requests have the deployed commit ${pull_request_short(deploymentSha)} as their head ` +
                        `(${open.map(p => `#${p.number}`).join(', ')}); testing #${first.number}, the most recently updated. ` +
                        `Set pr-number to choose.`
                ]
                : [];
            return withDeployment({
                kind: 'found',
                pr: { ...factsOf(first), headSha: deploymentSha },
                source: `GitHub, the open pull request whose head is the deployed commit ${pull_request_short(deploymentSha)}`,
                notices
            });
        }
        case 'workflow_run': {
            const run = pull_request_isObject(payload.workflow_run) ? payload.workflow_run : {};
            const headSha = pull_request_text(run.head_sha);
            // It also lists pull requests opened from this repository's branches against others:
            // #5 upstream is not #5 here.
            const listed = Array.isArray(run.pull_requests)
                ? run.pull_requests.filter(pull_request_isObject).filter(entry => basedHere(entry, payload, where))
                : [];
            const number = positive(listed[0]?.number);
            if (number) {
                const found = await byNumber(number, 'the workflow_run event');
                // The commit the triggering workflow built, even if the pull request has moved on since.
                return found.kind === 'found' && headSha
                    ? { ...found, pr: { ...found.pr, headSha } }
                    : found;
            }
            // GitHub leaves pull_requests empty for pull requests from forks: look them up by head.
            const headRepo = pull_request_isObject(run.head_repository) ? run.head_repository : {};
            const headOwner = pull_request_isObject(headRepo.owner) ? pull_request_text(headRepo.owner.login) : '';
            const branch = pull_request_text(run.head_branch);
            if (!headOwner || !branch || !headSha)
                break;
            const pulls = await needApi(`of ${headOwner}:${branch}`).openPullsByHead(`${headOwner}:${branch}`);
            const match = pulls.find(p => p.head?.sha === headSha);
            if (!match) {
                return {
                    kind: 'skipped',
                    reason: `the workflow run of ${headOwner}:${branch} (${pull_request_short(headSha)}) belongs to no open pull request in ${where} whose head is that commit.`
                };
            }
            return {
                kind: 'found',
                pr: { ...factsOf(match), headSha },
                source: `GitHub, the open pull request from ${headOwner}:${branch}`,
                notices: []
            };
        }
    }
    if (carried && positive(carried.number)) {
        return { kind: 'found', pr: factsOf(carried), source: `the ${eventName} event`, notices: [] };
    }
    return {
        kind: 'skipped',
        reason: `the ${eventName || 'unknown'} event carries no pull request; set pr-number to test one (for example from a workflow_dispatch input).`
    };
}
/**
 * Whether a pull request listed by a workflow_run targets this repository: by ID when both are
 * given (a rename keeps it), else by its API URL. One that cannot be placed is not believed: the
 * head lookup finds this repository's own.
 */
function basedHere(entry, payload, where) {
    const base = pull_request_isObject(entry.base) && pull_request_isObject(entry.base.repo) ? entry.base.repo : null;
    if (!base)
        return false;
    const repository = pull_request_isObject(payload.repository) ? payload.repository : {};
    if (positive(base.id) && positive(repository.id))
        return base.id === repository.id;
    return pull_request_text(base.url).toLowerCase().endsWith(`/repos/${where.toLowerCase()}`);
}
/**
 * A pull request as a merge queue tests it: the queue's commit (what will land, and what the check
 * gates) in place of the pull request's head, and the queue's base branch.
 */
function testedInQueue(found, queued) {
    return {
        ...found,
        pr: {
            ...found.pr,
            headSha: queued.headSha,
            baseBranch: queued.baseBranch || found.pr.baseBranch
        },
        source: `the merge queue's commit ${pull_request_short(queued.headSha)}, pull request #${found.pr.number} read from GitHub`
    };
}


/***/ }),

/***/ 8931:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   logGitHubReporting: () => (/* binding */ logGitHubReporting),
/* harmony export */   logStarted: () => (/* binding */ logStarted),
/* harmony export */   retryLog: () => (/* binding */ retryLog),
/* harmony export */   startGroupTitle: () => (/* binding */ startGroupTitle),
/* harmony export */   startRetryLine: () => (/* binding */ startRetryLine)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6288);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7607);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2988);
/* harmony import */ var _wait_wait_log_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6695);
// The log lines of starting runs: retries of a start request, which runs started, and what
// TesterArmy said of its own GitHub reporting. API text is cut and cleaned through escape.ts first.




/** The start's retries, one line each (a retry at once: the agent's shorter second try). */
const startRetryLine = (message, delayMs) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Start request: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .logText */ .kc)(message, 300)}; trying again${delayMs > 0 ? ` in ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(delayMs)}` : ''}.`);
const startGroupTitle = (request) => `Starting a TesterArmy run of ${request.kind} ${request.id}`;
/** Which runs started, and which the API cancelled at once. */
function logStarted(runIds, cancelledRunIds) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Started ${runIds.length === 1 ? `run ${runIds[0]}` : `${runIds.length} runs: ${runIds.join(', ')}`}.`);
    if (cancelledRunIds.length) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`TesterArmy cancelled ${cancelledRunIds.length} of the group's runs as it started them ` +
            `(for example duplicates or the quota): ${cancelledRunIds.join(', ')}.`);
    }
}
/** `metadata.github` of a start answer: its line, and its notice or warning when it has one. */
function logGitHubReporting(note) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(note.line);
    if (!note.annotation)
        return;
    const options = { title: 'TesterArmy GitHub reporting' };
    if (note.annotation.level === 'warning')
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(note.annotation.message, options);
    else
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm(note.annotation.message, options);
}
/** `retry-failed`'s lines: a group per round, which run started again as which, and why not. */
const retryLog = {
    ..._wait_wait_log_js__WEBPACK_IMPORTED_MODULE_3__/* .pollLog */ .eV,
    round: (count, attempt, of) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .startGroup */ .Oh(`Starting ${count === 1 ? 'a failed run' : `${count} failed runs`} again (attempt ${attempt} of ${of}, retry-failed)`),
    restarted: (firstId, newIds, how) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Run ${firstId} failed: started again as ${newIds.length === 1 ? `run ${newIds[0]}` : `runs ${newIds.join(', ')}`} (${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .logText */ .kc)(how, 200)}).`),
    notRetried: (firstId, why) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Run ${firstId} failed and is not started again: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .logText */ .kc)(why, 400)}`),
    roundEnd: () => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .endGroup */ .N4()
};


/***/ }),

/***/ 2173:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkBuild: () => (/* binding */ checkBuild),
  startEverything: () => (/* binding */ startEverything)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6288);
// EXTERNAL MODULE: ./src/escape.ts
var src_escape = __webpack_require__(2988);
;// CONCATENATED MODULE: ./src/start/pr-text.ts
// The pull request's title, description and branches, brought within what the exploration
// agent's start request accepts (`DynamicPrRunRequest.pullRequest`), keeping what matters most.
/** API limits of `pullRequest` (UTF-16 code units, as the API's validator counts them). */
const PrTextLimits = {
    titleMaxChars: 500,
    descriptionMaxChars: 5_000,
    /** After a 413 (or a 400 about the description) the start is tried once more with this much. */
    descriptionRetryMaxChars: 2_000,
    /** Longer branch names are refused by the API; they are left out rather than cut (a cut name is wrong). */
    branchMaxChars: 255,
    /** A cut moves to a line end when one is this close, so no line is sent half. */
    lineEndReach: 200
};
/** Lone surrogates become U+FFFD: JSON cannot carry them and the API's validator refuses them. */
function wellFormed(text) {
    return text.toWellFormed();
}
const isHigh = (code) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code) => code >= 0xdc00 && code <= 0xdfff;
/** `text.slice(0, end)`, moved back one unit if `end` falls inside a surrogate pair. */
function headOf(text, end) {
    const at = end > 0 && end < text.length && isHigh(text.charCodeAt(end - 1)) ? end - 1 : end;
    return text.slice(0, at);
}
/** `text.slice(start)`, moved on one unit if `start` falls inside a surrogate pair. */
function tailOf(text, start) {
    const at = start > 0 && start < text.length && isLow(text.charCodeAt(start)) ? start + 1 : start;
    return text.slice(at);
}
/** The title trimmed to one line, `Pull request #N` when empty, at most 500 units. */
function prTitle(title, number) {
    const text = wellFormed((title ?? '').replace(/\s+/g, ' ').trim());
    if (text === '')
        return `Pull request #${number}`;
    if (text.length <= PrTextLimits.titleMaxChars)
        return text;
    return `${headOf(text, PrTextLimits.titleMaxChars - 1).trimEnd()}…`;
}
/**
 * The description as the agent should read it: without HTML comments (pull-request templates fill
 * descriptions with them, and GitHub does not show them), with `\n` line ends, and within `max`
 * units. When too long, its head and its tail are kept (authors often end with instructions for
 * the agent), joined by a line saying how much was left out. Empty: undefined (the field is left out).
 */
function prDescription(body, max = PrTextLimits.descriptionMaxChars) {
    const text = wellFormed((body ?? '')
        // An unclosed comment hides everything after it on GitHub, so it is removed to the end.
        .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
        .replace(/\r\n?/g, '\n')
        // Removed comments leave runs of blank lines behind.
        .replace(/\n[ \t]*(?:\n[ \t]*){2,}/g, '\n\n')).trim();
    if (text === '')
        return undefined;
    if (text.length <= max)
        return text;
    return keepHeadAndTail(text, max);
}
/** The marker between head and tail; its length depends on the number, so it is built first. */
const gapLine = (omitted) => `\n\n[… ${omitted.toLocaleString('en-US')} characters of the description left out …]\n\n`;
function keepHeadAndTail(text, max) {
    // The marker's own length depends on how much is left out; the text's length bounds it.
    const room = Math.max(0, max - gapLine(text.length).length);
    const reach = Math.min(PrTextLimits.lineEndReach, Math.floor(room / 4));
    let headEnd = Math.ceil(room / 2);
    let tailStart = text.length - (room - headEnd);
    // Cut at a line end when one is near: the head ends before a newline, the tail starts after one.
    const newlineBefore = text.lastIndexOf('\n', headEnd);
    if (newlineBefore > 0 && headEnd - newlineBefore <= reach)
        headEnd = newlineBefore;
    const newlineAfter = text.indexOf('\n', tailStart);
    if (newlineAfter !== -1 && newlineAfter + 1 - tailStart <= reach)
        tailStart = newlineAfter + 1;
    const head = headOf(text, headEnd).trimEnd();
    const tail = tailOf(text, tailStart).trimStart();
    const omitted = text.length - head.length - tail.length;
    return `${head}${gapLine(omitted)}${tail}`;
}
/** A branch name as sent: left out when empty or longer than the API takes. */
function prBranch(name) {
    const text = (name ?? '').trim();
    if (text === '' || text.length > PrTextLimits.branchMaxChars)
        return undefined;
    return wellFormed(text);
}

;// CONCATENATED MODULE: ./src/start/agent-body.ts
// The exploration agent's start request body (`DynamicPrRunRequest`): exactly the fields the
// API's schema allows for the platform, every text within its limits, empty optional fields left
// out; and the agent's request as sent, on the uploaded app when there is one.


/** `descriptionMax` is lowered to 2,000 for the one retry after the API found the body too large. */
function agentBody(options, pr, descriptionMax = PrTextLimits.descriptionMaxChars) {
    const description = prDescription(pr.body, descriptionMax);
    const baseBranch = prBranch(pr.baseBranch);
    const headBranch = prBranch(pr.headBranch);
    const pullRequest = {
        number: pr.number,
        title: prTitle(pr.title, pr.number),
        ...(description !== undefined ? { description } : {}),
        ...(baseBranch !== undefined ? { baseBranch } : {}),
        ...(headBranch !== undefined ? { headBranch } : {}),
        commitSha: pr.headSha
    };
    if (options.platform === 'web') {
        return { targetUrl: options.targetUrl ?? '', pullRequest };
    }
    return {
        platform: options.platform,
        pullRequest,
        ...(options.appId ? { mobile: { appId: options.appId } } : {}),
        ...(options.simulatorRegion ? { simulatorRegion: options.simulatorRegion } : {})
    };
}
/**
 * The agent's request as sent. With app-path it tests the uploaded app: that app's ID, and its
 * platform (the input's, checked against the app, or the app's own); one the agent cannot test
 * (neither ios nor android) is an error before it starts.
 */
function readyAgent(agent, app) {
    const platform = app ? app.platform : agent.platform;
    if (platform === 'ios' || platform === 'android' || (!app && platform === 'web'))
        return { ...agent, platform, ...(app ? { appId: app.id } : {}) };
    return {
        message: `the uploaded build is a "${(0,src_escape/* logText */.kc)(platform, 40)}" app, which the exploration agent cannot test: it tests ios and android builds. No run was started.`
    };
}

// EXTERNAL MODULE: ./src/start/start-runs.ts
var start_runs = __webpack_require__(6595);
;// CONCATENATED MODULE: ./src/start/agent-start.ts
// Starting the exploration agent: the body for the pull request, one shorter retry when the API
// finds the description too large, and no repeat of a request that may have started a run.



/** A 413, or a 400 whose message names the description: a refused request that started nothing. */
const tooLarge = (status, message) => status === 413 || (status === 400 && /description/i.test(message));
async function startAgent(options) {
    const { api, request } = options;
    const what = `the exploration agent for pull request #${options.pr.number}`;
    let descriptionMax = PrTextLimits.descriptionMaxChars;
    let sent = {};
    const answer = await (0,start_runs/* sendStart */.NC)({
        ...options,
        what,
        send: (timeoutMs, signal) => {
            const body = agentBody({
                platform: request.platform,
                targetUrl: options.targetUrl,
                appId: request.appId,
                simulatorRegion: request.simulatorRegion
            }, options.pr, descriptionMax);
            sent = body;
            return api.startAgent(request.projectId, body, { ...(signal ? { signal } : {}), timeoutMs });
        },
        again: ({ status, message }) => {
            if (!tooLarge(status, message) || descriptionMax <= PrTextLimits.descriptionRetryMaxChars)
                return false;
            descriptionMax = PrTextLimits.descriptionRetryMaxChars;
            options.onRetry?.(`${message}: the request was too large; trying once more with the description cut to ${PrTextLimits.descriptionRetryMaxChars.toLocaleString('en-US')} characters`, 0);
            return true;
        },
        refused: ({ status }) => status === 404
            ? 'check project-id and that the API key belongs to the team that owns the project'
            : status === 400 || status === 413
                ? 'check the inputs passed to the start request (target-url, platform, app-id)'
                : status === 401 || status === 403
                    ? 'check the api-key input or the TESTERARMY_API_KEY secret'
                    : null
    });
    if (answer.kind !== 'started')
        return answer;
    const [runId] = answer.runIds;
    if (runId)
        return { kind: 'started', runId, answer: answer.answer, body: sent };
    return { kind: 'failed', message: `the API started ${what} but named no run` };
}

// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/redact.ts
var redact = __webpack_require__(6670);
// EXTERNAL MODULE: ./src/github/pull-request.ts + 1 modules
var pull_request = __webpack_require__(5416);
;// CONCATENATED MODULE: ./src/start/agent-target.ts
// Finding what the exploration agent tests: its pull request (from the event's payload, else from
// GitHub through Octokit, loaded only then) and the URL to test it at, said in the log and outputs.





/**
 * The pull request the agent tests and the URL it tests it at, said in the log and the outputs;
 * or why there is nothing to test, or why it could not be found.
 */
async function findAgentTarget(agent, options, signal) {
    core/* startGroup */.Oh('Finding the pull request for the TesterArmy exploration agent');
    const lookup = await lookUpPullRequest(options, signal);
    core/* endGroup */.N4();
    if (lookup.kind === 'skipped')
        return lookup;
    if (lookup.kind === 'failed') {
        return { kind: 'failed', message: `could not find the pull request to test: ${lookup.message}` };
    }
    for (const notice of lookup.notices)
        core/* notice */.lm(notice, { title: 'TesterArmy pull request' });
    for (const warning of lookup.warnings ?? [])
        core/* warning */.$e(warning, { title: 'TesterArmy pull request' });
    const { pr } = lookup;
    const targetUrl = agent.targetUrl ?? lookup.deploymentUrl;
    if (agent.platform === 'web' && !targetUrl) {
        return {
            kind: 'failed',
            message: "target-url is empty and the deployment_status event gives no usable http(s) environment_url or target_url: set target-url to the deployment's URL"
        };
    }
    core/* setOutput */.uH(constants/* Outputs */.tY.PrNumber, String(pr.number));
    core/* info */.pq(`Pull request #${pr.number} (${lookup.source}): "${(0,src_escape/* logText */.kc)(pr.title, 120)}" at ${pr.headSha.slice(0, 12)}` +
        (targetUrl ? `, testing ${targetUrl}` : ''));
    return { kind: 'found', pr, targetUrl };
}
/** GitHub's pull-request lookups in this workflow's repository, with the step's token. */
function pullsOfThisRepository({ settings, context, pulls }, signal, call = {}) {
    return pulls({
        token: settings.githubToken,
        apiUrl: context.apiUrl,
        owner: context.owner,
        repo: context.repo,
        signal,
        ...call,
        onRequest: line => core/* debug */.Yz(line)
    });
}
/** Finds the agent's pull request; GitHub (through Octokit) only when the payload does not say. */
async function lookUpPullRequest(options, signal) {
    const { settings, context } = options;
    // The runner always writes the event file: without it, "no pull request" would be a guess
    // (pr-number names the pull request without it; a deployment's URL and state are only in it).
    const needsPayload = !settings.agent?.prNumber || context.eventName === 'deployment_status';
    if (context.payloadError && needsPayload) {
        return {
            kind: 'failed',
            message: `${(0,redact/* redact */.E$)(context.payloadError, settings)}; the runner writes it for every job, so the pull request cannot be known from it.`
        };
    }
    // Octokit is loaded at the first call, not before: most events never need it.
    let loaded;
    const client = () => (loaded ??= pullsOfThisRepository(options, signal));
    const api = settings.githubToken
        ? {
            getPull: async (n) => (await client()).getPull(n),
            pullsForCommit: async (sha) => (await client()).pullsForCommit(sha),
            openPullsByHead: async (head) => (await client()).openPullsByHead(head)
        }
        : null;
    const lookup = await (0,pull_request/* findPullRequest */._)({
        eventName: context.eventName,
        payload: context.payload,
        owner: context.owner,
        repo: context.repo,
        prNumber: settings.agent?.prNumber ?? 0,
        api
    });
    return lookup.kind === 'failed'
        ? { kind: 'failed', message: (0,redact/* redact */.E$)(lookup.message, settings) }
        : lookup;
}

;// CONCATENATED MODULE: ./src/start/commented-pull.ts
// The commit of the pull request an issue comment is on (a `/qa` command): the event names the
// pull request but no commit, and GITHUB_SHA there is the default branch's. A group run started
// from it, and the commit status, are about the commit people see on the pull request.


/**
 * The pull request's head commit, read from GitHub in one try; '' when the event is not a
 * comment on a pull request, the commit is already known, nothing needs it (a test's start sends
 * no commit; without `commit-status` nothing else does), there is no token, or GitHub does not
 * say (then a notice says so, and the run starts without a commit, never the default branch's).
 */
async function commentedPullHead(options, start, signal) {
    const { settings, context } = options;
    if (context.eventName !== 'issue_comment' || !context.prNumber || context.sha)
        return '';
    if (start.kind !== 'group' && !settings.commitStatus)
        return '';
    if (!settings.githubToken)
        return '';
    let why;
    try {
        const api = await pullsOfThisRepository(options, signal, { attempts: 1 });
        const pull = await api.getPull(context.prNumber);
        const sha = pull?.head?.sha;
        if (typeof sha === 'string' && sha)
            return sha;
        why = pull
            ? 'GitHub gave no head commit'
            : 'GitHub has no such pull request, or the token may not read it';
    }
    catch (error) {
        if (signal.aborted)
            return '';
        why = error.message.replace(/\.$/, '');
    }
    const lost = settings.commitStatus ? ', and no commit status can be posted' : '';
    core/* notice */.lm(`The commit of pull request #${context.prNumber} could not be read from GitHub (${why}): the ${start.kind} ${start.id} is started without it${lost}.`, { title: 'TesterArmy pull request' });
    return '';
}

// EXTERNAL MODULE: ./src/api/app-response.ts
var app_response = __webpack_require__(9371);
// EXTERNAL MODULE: ./src/duration.ts
var duration = __webpack_require__(7607);
// EXTERNAL MODULE: ./src/guards.ts
var guards = __webpack_require__(9609);
;// CONCATENATED MODULE: ./src/start/github-reporting.ts
// What TesterArmy says about its own reporting to GitHub (`metadata.github` of a start answer):
// read defensively, and turned into one log line and one notice or warning a user can act on.


/** Reads `metadata.github` from a start answer; null when absent or not an object. */
function parseGitHubReporting(answer) {
    const metadata = answer?.metadata;
    const github = metadata?.github;
    if (!(0,guards/* isPlainObject */.Qd)(github))
        return null;
    const raw = github;
    const out = {};
    for (const key of ['configured', 'checkRunCreated', 'commentTargetResolved']) {
        if (typeof raw[key] === 'boolean')
            out[key] = raw[key];
    }
    // Kept short: it is shown as received, and a status is a word, not a story.
    if (typeof raw.status === 'string' && raw.status.trim())
        out.status = raw.status.slice(0, 100);
    return out;
}
/** TesterArmy comments on the pull request itself: `comment: auto` then leaves it alone. */
const testerArmyComments = (reporting) => reporting?.commentTargetResolved === true;
const yesNo = (value) => value === undefined ? 'not said' : value ? 'yes' : 'no';
/** `agent`: the exploration agent is among the runs (its planner needs the changed files). */
function describeGitHubReporting(reporting, agent) {
    const status = reporting.status === undefined ? '' : (0,src_escape/* logText */.kc)(reporting.status, 100);
    const facts = `connected ${yesNo(reporting.configured)}, check run ${yesNo(reporting.checkRunCreated)}, ` +
        `comments on the pull request ${yesNo(reporting.commentTargetResolved)}` +
        (status ? `, status ${status}` : '');
    const line = `TesterArmy's own GitHub reporting: ${facts}`;
    const note = (annotation) => ({
        line,
        facts,
        annotation
    });
    switch (reporting.status) {
        case undefined:
            return note(null);
        case 'not_configured':
            return note({
                level: agent ? 'warning' : 'notice',
                message: 'TesterArmy has no GitHub connection for this project (not_configured): it opens no check and writes no comment' +
                    (agent
                        ? ', and the exploration agent plans from the title and description alone, without the changed files'
                        : '') +
                    ". Connect the GitHub App in TesterArmy's project settings, under integrations."
            });
        case 'check_create_failed':
            return note({
                level: 'warning',
                message: 'TesterArmy could not create its own check run on this commit (check_create_failed); this step still reports and gates the result. ' +
                    "Check that TesterArmy's GitHub App is installed on this repository with permission to write checks."
            });
        case 'pr_not_found':
            return note({
                level: 'warning',
                message: 'TesterArmy could not find this pull request in the repository connected to the project (pr_not_found), so it will not comment on it. ' +
                    "Check that the project is connected to this repository (not a fork or another repository) in TesterArmy's integrations."
            });
        default:
            return note({
                level: 'notice',
                message: `TesterArmy reports its GitHub status as "${status}", which this action does not know yet; the verdict is not affected.`
            });
    }
}

// EXTERNAL MODULE: ./src/start/start-log.ts
var start_log = __webpack_require__(8931);
;// CONCATENATED MODULE: ./src/start/start-phase.ts
// Starting everything the inputs ask for, in order: the exploration agent's pull request, the upload
// of the build, the agent, the runs of a test or group; and what started each run, for the report.











/**
 * The build is checked on disk before any request, like an input. The upload's code is loaded
 * only with `app-path`: runs that upload nothing never load it.
 */
async function checkBuild(settings) {
    if (!settings.upload)
        return { kind: 'none' };
    const step = await __webpack_require__.e(/* import() */ 540).then(__webpack_require__.bind(__webpack_require__, 8540));
    const checked = await step.checkAppFile(settings.upload.path, settings.upload.platform);
    return checked.ok
        ? { kind: 'ready', build: { app: checked.app, step } }
        : { kind: 'refused', message: checked.message };
}
async function startEverything(options) {
    const { settings, api, clock, deadline, signal } = options;
    const begun = {
        facts: { batchId: '', prNumber: null, githubReporting: '', testerArmyComments: false },
        context: options.context,
        appBuild: null,
        agentRunIds: [],
        sent: { start: null, agent: null }
    };
    const origins = new Map();
    let ids = settings.runIds;
    let start = settings.start;
    /** With app-path: the uploaded app the runs start on, and the platform they use. */
    let uploadedApp = null;
    const startOptions = {
        api,
        clock,
        context: { sha: options.context.sha, prNumber: options.context.prNumber },
        deadline,
        pollIntervalMs: settings.pollIntervalMs,
        signal
    };
    const ended = (outcome) => ({
        kind: 'ended',
        fatal: outcome.message ??
            (outcome.kind === 'aborted' && outcome.mayHaveStarted === false
                ? 'the workflow was cancelled before the run was started; nothing was started'
                : 'the workflow was cancelled while the run was being started, with no answer in time; it may have started, so check the TesterArmy dashboard'),
        cancelled: outcome.kind === 'aborted',
        ...(outcome.kind === 'failed' && outcome.timedOut ? { timedOut: true } : {}),
        ...begun
    });
    /** Ended by the step's timeout before any run was waited for: status timed_out, not error. */
    const timedOutWhile = (what) => ended({
        kind: 'failed',
        message: `the step's timeout (${(0,duration/* formatDuration */.a)(settings.timeoutMs)}) was reached while ${what}`,
        timedOut: true
    });
    /** GitHub's lookups end with the step's timeout, like everything else, or the runner's cancel. */
    const lookupSignals = () => {
        const timeout = AbortSignal.timeout(Math.max(1, deadline - clock.now()));
        return { timeout, signal: AbortSignal.any([signal, timeout]) };
    };
    // 1. The exploration agent's pull request, found first: with nothing to test (and no test or
    //    group beside it), nothing is uploaded either (a deployment_status event fires several
    //    times per deployment).
    let agentTarget = null;
    if (settings.agent) {
        // Which of the two stopped a lookup decides how the step ends (cancelled, or timed_out).
        const lookup = lookupSignals();
        const target = await findAgentTarget(settings.agent, options, lookup.signal);
        if (target.kind === 'skipped') {
            // A test or group asked for beside the agent still runs when only the pull request is
            // missing (a push, a deployment of main, a closed pull request): a required check must not
            // pass on a suite it never ran. An event that is no occasion to test (a deployment that did
            // not succeed, a comment on an issue) starts neither.
            if (!start || target.noOccasion)
                return { kind: 'skipped', reason: target.reason };
            core/* notice */.lm(`The exploration agent is not started: ${target.reason} The ${start.kind} ${start.id} runs without it.`, { title: 'TesterArmy exploration agent' });
            begun.facts.agentNotStarted = target.reason;
        }
        else if (target.kind === 'failed') {
            if (signal.aborted) {
                return ended({
                    kind: 'aborted',
                    message: 'the workflow was cancelled while the pull request was being looked up'
                });
            }
            if (lookup.timeout.aborted) {
                return timedOutWhile('the pull request was being looked up on GitHub; nothing was started');
            }
            return ended(target);
        }
        else {
            const { pr } = target;
            agentTarget = target;
            begun.facts.prNumber = pr.number;
            // The comment, and a group started beside the agent, are about this pull request and
            // commit.
            begun.context = { ...options.context, prNumber: pr.number, sha: pr.headSha };
            startOptions.context = { sha: pr.headSha, prNumber: pr.number };
        }
    }
    // 2. Upload the build made in the workflow (app-path); the runs below start on it.
    if (settings.upload && options.build) {
        const uploaded = await options.build.step.runUploadStep({
            app: options.build.app,
            projectId: settings.upload.projectId,
            removeAfterS: settings.upload.removeAfterS,
            api,
            clock,
            signal,
            deadline,
            tempDir: options.tempDir,
            userAgent: `testerarmy-action/${constants/* VERSION */.xv}`,
            log: options.build.step.uploadLog
        });
        if (uploaded.kind === 'timed-out') {
            // The step's timeout, not a failed upload: the status says timed_out, as for a lookup.
            const where = uploaded.confirming
                ? 'the upload was being confirmed: the app may have been created in the project (see the TesterArmy dashboard)'
                : 'the build was being uploaded';
            return timedOutWhile(`${where}; raise timeout if it needs longer. No run was started`);
        }
        if (uploaded.kind !== 'uploaded') {
            if (uploaded.kind === 'aborted') {
                core/* info */.pq(uploaded.confirming
                    ? 'The upload was cancelled while it was being confirmed: the app may have been created in the project (see the TesterArmy dashboard); no run was started.'
                    : 'The upload was cancelled: nothing was confirmed and no run was started.');
            }
            return {
                kind: 'ended',
                fatal: uploaded.kind === 'failed' ? uploaded.message : null,
                cancelled: uploaded.kind === 'aborted',
                ...begun
            };
        }
        const appBuild = uploaded.build;
        begun.appBuild = appBuild;
        options.build.step.publishAppOutputs(appBuild);
        options.build.step.logUploaded(appBuild);
        const platform = (0,app_response/* resolvePlatform */.u4)(settings.upload.platform, appBuild.app);
        if ('message' in platform)
            return ended({ kind: 'failed', message: platform.message });
        if (!start && !settings.agent)
            return { kind: 'upload-only', build: appBuild };
        uploadedApp = { id: appBuild.app.id, platform: platform.platform };
        if (start)
            start = { ...start, appId: uploadedApp.id, platform: uploadedApp.platform };
    }
    // 3. Start the exploration agent on its pull request.
    if (settings.agent && agentTarget) {
        const { pr } = agentTarget;
        const agent = readyAgent(settings.agent, uploadedApp);
        if ('message' in agent)
            return ended({ kind: 'failed', message: agent.message });
        const outcome = await startAgentRun(agent, pr, agentTarget.targetUrl, startOptions);
        if (outcome.kind !== 'started')
            return ended(outcome);
        ids = [outcome.runId];
        begun.agentRunIds = [outcome.runId];
        begun.sent.agent = { projectId: agent.projectId, body: outcome.body, runId: outcome.runId };
        const reporting = noteGitHubReporting(outcome.answer, true, begun.facts);
        origins.set(outcome.runId, {
            origin: `exploration agent, pull request #${pr.number}`,
            ...(reporting ? { reporting } : {})
        });
    }
    // 4. Start the runs of a test or a group, when asked to (test-id, group-id). When this fails,
    //    the agent's run is already going but nobody will wait for it: the caller stops it too.
    if (!start)
        return { kind: 'started', ids, cancelledIds: [], origins, ...begun };
    if (!agentTarget) {
        const lookup = lookupSignals();
        const sha = await commentedPullHead(options, start, lookup.signal);
        // Cut by the cancel or the timeout: nothing was sent, and that is what the step says.
        if (signal.aborted) {
            return ended({
                kind: 'aborted',
                message: "the workflow was cancelled while the pull request's commit was being read; nothing was started"
            });
        }
        if (lookup.timeout.aborted || clock.now() >= deadline) {
            return timedOutWhile("the pull request's commit was being read from GitHub; nothing was started");
        }
        if (sha) {
            begun.context = { ...begun.context, sha };
            startOptions.context = { ...startOptions.context, sha };
        }
    }
    const outcome = await startRequestedRuns(start, startOptions);
    if (outcome.kind !== 'started')
        return ended(outcome);
    const { facts } = begun;
    facts.batchId = outcome.batchId ?? '';
    const { kind, id } = start;
    begun.sent.start = { kind, id, body: outcome.body ?? {}, runIds: outcome.runIds };
    const reporting = noteGitHubReporting(outcome.answer, false, facts);
    if (settings.agent) {
        for (const id of outcome.runIds) {
            origins.set(id, { origin: `${start.kind} ${start.id}`, ...(reporting ? { reporting } : {}) });
        }
    }
    ids = [...ids, ...outcome.runIds];
    if (settings.agent)
        core/* setOutput */.uH(constants/* Outputs */.tY.RunId, ids.join(','));
    if (facts.batchId)
        core/* setOutput */.uH(constants/* Outputs */.tY.BatchId, facts.batchId);
    return { kind: 'started', ids, cancelledIds: outcome.cancelledRunIds, origins, ...begun };
}
/** Starts the exploration agent and says so, in the log and the outputs. */
async function startAgentRun(agent, pr, targetUrl, options) {
    core/* startGroup */.Oh(`Starting the TesterArmy exploration agent for pull request #${pr.number}`);
    const outcome = await startAgent({
        ...options,
        request: agent,
        pr,
        targetUrl,
        onRetry: start_log.startRetryLine
    });
    core/* endGroup */.N4();
    if (outcome.kind !== 'started')
        return outcome;
    // Known now, so a later step can find the run even if the wait below fails.
    core/* setOutput */.uH(constants/* Outputs */.tY.RunId, outcome.runId);
    core/* info */.pq(`Started the exploration agent: run ${outcome.runId}.`);
    return outcome;
}
/** `metadata.github` of a start answer: logged once, kept for the outputs; the summary's words. */
function noteGitHubReporting(answer, agent, facts) {
    const reporting = parseGitHubReporting(answer);
    if (!reporting)
        return undefined;
    const note = describeGitHubReporting(reporting, agent);
    (0,start_log.logGitHubReporting)(note);
    // The agent's answer is about the pull request itself: it wins over the group's.
    if (agent || !facts.githubReporting)
        facts.githubReporting = JSON.stringify(reporting);
    facts.testerArmyComments ||= testerArmyComments(reporting);
    return note.facts;
}
/** Starts the runs of `test-id` or `group-id`, and says which started, in the log and the outputs. */
async function startRequestedRuns(request, options) {
    core/* startGroup */.Oh((0,start_log.startGroupTitle)(request));
    const outcome = await (0,start_runs/* startRuns */.t)({ ...options, request, onRetry: start_log.startRetryLine });
    core/* endGroup */.N4();
    if (outcome.kind !== 'started')
        return outcome;
    // Known now, so a later step can find the runs even if the wait below fails.
    core/* setOutput */.uH(constants/* Outputs */.tY.RunId, outcome.runIds.join(','));
    (0,start_log.logStarted)(outcome.runIds, outcome.cancelledRunIds);
    return outcome;
}


/***/ }),

/***/ 6595:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NC: () => (/* binding */ sendStart),
/* harmony export */   t: () => (/* binding */ startRuns)
/* harmony export */ });
/* unused harmony exports startBody, canRetryStart */
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7242);
/* harmony import */ var _api_retry_policy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1101);


/** The start request's body, with only what was given (bodies per the API description). */
function startBody(request, context) {
    const body = {};
    const put = (key, value) => {
        if (value !== undefined && value !== null && value !== '')
            body[key] = value;
    };
    put('platform', request.platform);
    put('deviceModel', request.deviceModel);
    put('projectEnvironmentId', request.environmentId);
    if (request.kind === 'test') {
        put('mode', request.mode);
        put('appId', request.appId);
        return body;
    }
    put('targetUrl', request.targetUrl);
    put('environment', request.environment);
    if (request.appId)
        body.mobile = { appId: request.appId };
    put('commitSha', context.sha);
    put('prNumber', context.prNumber);
    return body;
}
/**
 * May this answer be followed by the same request? Only when the request cannot have started a
 * run: it never reached the server (refused, DNS), or the API said so (429, 503). A timeout, a
 * reset after sending, or any other 5xx may hide a run that did start: a second request could
 * start a second one, so the action stops and says so.
 */
function canRetryStart(answer) {
    if (answer.kind === 'network-error')
        return !answer.mayHaveArrived;
    if (answer.kind === 'http-error')
        return answer.status === 429 || answer.status === 503;
    return false;
}
/**
 * Sends one start request until it is answered, refused, or may have started a run. It is repeated
 * only when it cannot have (`canRetryStart`), after the server's `Retry-After` or the backoff, and
 * never past the deadline. An HTTP error is first offered to `again` (true: the caller changed the
 * request, send it at once), then to `refused` (a hint: the request is not repeated, and the error
 * says what to check).
 */
async function sendStart(options) {
    const { clock, deadline, signal, what } = options;
    for (let failures = 1;; failures++) {
        if (signal?.aborted)
            return { kind: 'aborted', mayHaveStarted: false };
        // The timeout already reached (by an upload or a lookup before): nothing is sent, so no run
        // can start that nobody waits for.
        if (failures === 1 && clock.now() >= deadline) {
            return {
                kind: 'failed',
                message: `the timeout was reached before ${what} could be started; nothing was sent`,
                timedOut: true
            };
        }
        // A cancel does not cut the request at once: its answer names the runs it started, which are
        // then cancelled. Unanswered after the grace, it is given up, and a run may have started.
        const grace = graceAfter(signal, _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Limits */ .xu.startAnswerGraceMs);
        const answer = await options
            .send(Math.max(1, Math.min(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Limits */ .xu.requestTimeoutMs, deadline - clock.now())), grace.signal)
            .finally(grace.dispose);
        if (answer.kind === 'started')
            return answer;
        if (answer.kind === 'aborted')
            return { kind: 'aborted', mayHaveStarted: true };
        const message = answer.message;
        if (answer.kind === 'http-error') {
            if (options.again?.(answer))
                continue;
            const hint = options.refused(answer);
            if (hint !== null) {
                return {
                    kind: 'failed',
                    message: `the TesterArmy API refused to start ${what} (${message}); ${hint}`
                };
            }
        }
        if (!canRetryStart(answer)) {
            // No answer before the step's timeout (each request is cut at it): a timeout, though the
            // request may still have started a run.
            if (answer.kind === 'network-error' && clock.now() >= deadline) {
                return {
                    kind: 'failed',
                    message: `the timeout was reached while starting ${what} (${message}); the request may have reached TesterArmy and started a run: check the TesterArmy dashboard`,
                    timedOut: true
                };
            }
            return {
                kind: 'failed',
                message: `starting ${what} failed (${message}); not retried, because the request may have ` +
                    `reached TesterArmy and a second one could start a second run. Check the TesterArmy dashboard.`
            };
        }
        const wait = (0,_api_retry_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .retryDelayMs */ .qO)(answer.kind === 'http-error' ? answer.retryAfterMs : null, failures, options.pollIntervalMs, options.random ?? Math.random);
        if (clock.now() + wait >= deadline) {
            return {
                kind: 'failed',
                message: `could not start ${what} before the timeout (last error: ${message})`,
                timedOut: true
            };
        }
        options.onRetry?.(message, wait);
        await clock.sleep(wait, signal);
    }
}
/** A signal that aborts `graceMs` after `signal` does (real time, as a request's own limit is). */
function graceAfter(signal, graceMs) {
    if (!signal)
        return { signal: undefined, dispose: () => undefined };
    const controller = new AbortController();
    let timer;
    const onAbort = () => {
        timer = setTimeout(() => controller.abort(), graceMs);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    return {
        signal: controller.signal,
        dispose: () => {
            clearTimeout(timer);
            signal.removeEventListener('abort', onAbort);
        }
    };
}
async function startRuns(options) {
    const { api, request } = options;
    const body = startBody(request, options.context);
    const what = `${request.kind === 'test' ? 'test' : 'group'} ${request.id}`;
    const answer = await sendStart({
        ...options,
        what: `a run of ${what}`,
        send: (timeoutMs, signal) => api.startRuns(request.kind, request.id, body, { ...(signal ? { signal } : {}), timeoutMs }),
        refused: ({ status }) => 
        // A redirect or a 410 started nothing: the request never reached the API's start endpoint.
        (status >= 300 && status < 400) || status === 410
            ? 'check the api-url input, which must be the API root such as https://tester.army/api'
            : status === 404
                ? `check the ${request.kind} ID and that the API key belongs to its team`
                : status === 400
                    ? 'check the inputs passed to the start request'
                    : status === 401 || status === 403
                        ? 'check the api-key input or the TESTERARMY_API_KEY secret'
                        : null
    });
    if (answer.kind === 'started' && answer.runIds.length === 0) {
        return { kind: 'failed', message: `the ${what} started no runs: it may have no runnable tests` };
    }
    return answer.kind === 'started' ? { ...answer, body } : answer;
}


/***/ })

};
