export const id = 487;
export const ids = [487];
export const modules = {

/***/ 2524:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ findPullRequest),
/* harmony export */   q: () => (/* binding */ GitHubLookupError)
/* harmony export */ });
/* harmony import */ var _guards_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9609);
// Which pull request the exploration agent should test, from whatever event started the workflow:
// the payload when it carries one, else GitHub's REST API through an injected client.

class GitHubLookupError extends Error {
    name = 'GitHubLookupError';
}
const isObject = _guards_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlainObject */ .Qd;
const text = _guards_js__WEBPACK_IMPORTED_MODULE_0__/* .textOf */ .b6;
const positive = (value) => typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;
function factsOf(pull) {
    const head = isObject(pull.head) ? pull.head : {};
    const base = isObject(pull.base) ? pull.base : {};
    return {
        number: positive(pull.number),
        title: text(pull.title),
        body: text(pull.body),
        baseBranch: text(base.ref),
        headBranch: text(head.ref),
        headSha: text(head.sha)
    };
}
const short = (sha) => sha.slice(0, 12);
async function findPullRequest(options) {
    try {
        const found = await lookup(options);
        // The agent's request needs the head commit; a pull request without one cannot be tested.
        if (found.kind === 'found' && !found.pr.headSha) {
            return {
                kind: 'failed',
                message: `GitHub gave no head commit for pull request #${found.pr.number}, so the agent cannot be told what to test.`
            };
        }
        return found;
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
        const status = isObject(payload.deployment_status) ? payload.deployment_status : {};
        const state = text(status.state);
        if (state !== 'success') {
            return {
                kind: 'skipped',
                reason: `the deployment's state is "${state || 'unknown'}", not "success": there is no deployment to test yet.`
            };
        }
        const given = [text(status.environment_url), text(status.target_url)].filter(Boolean);
        // http(s), exactly as GitHub gave it, as the target-url input must be: whoever created the
        // deployment wrote it, and the API would refuse anything else blaming target-url.
        deploymentUrl = given.find(_guards_js__WEBPACK_IMPORTED_MODULE_0__/* .isHttpUrl */ .q$);
        unusableUrls = given.filter(url => !(0,_guards_js__WEBPACK_IMPORTED_MODULE_0__/* .isHttpUrl */ .q$)(url));
        const deployment = isObject(payload.deployment) ? payload.deployment : {};
        deploymentSha = text(deployment.sha);
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
        return withDeployment(await byNumber(options.prNumber, 'the pr-number input'));
    }
    switch (eventName) {
        case 'pull_request':
        case 'pull_request_target': {
            const pull = isObject(payload.pull_request) ? payload.pull_request : null;
            if (pull && positive(pull.number)) {
                return { kind: 'found', pr: factsOf(pull), source: `the ${eventName} event`, notices: [] };
            }
            // GitHub always sends it: without it the payload is not GitHub's, and finding "nothing to
            // test" would let a required check pass untested.
            return {
                kind: 'failed',
                message: `the ${eventName} event's payload has no pull request (or none with a number): GitHub always sends one, so the event file is not what GitHub wrote; set pr-number to name the pull request.`
            };
        }
        case 'issue_comment': {
            const issue = isObject(payload.issue) ? payload.issue : null;
            if (!issue || !isObject(issue.pull_request)) {
                return {
                    kind: 'skipped',
                    reason: 'the comment is on an issue, not on a pull request.'
                };
            }
            if (!positive(issue.number))
                break;
            return byNumber(positive(issue.number), 'the comment event');
        }
        case 'deployment_status': {
            if (!deploymentSha)
                break;
            const pulls = await needApi(`of deployment ${short(deploymentSha)}`).pullsForCommit(deploymentSha);
            const open = pulls
                .filter(p => p.state === 'open' && p.head?.sha === deploymentSha)
                .sort((a, b) => text(b.updated_at).localeCompare(text(a.updated_at)));
            const [first] = open;
            if (!first) {
                return {
                    kind: 'skipped',
                    reason: `no open pull request in ${where} has the deployed commit ${short(deploymentSha)} as its head (a deployment of a branch without a pull request, or a commit the pull request has moved past).`
                };
            }
            const notices = open.length > 1
                ? [
                    `${open.length} open pull requests have the deployed commit ${short(deploymentSha)} as their head ` +
                        `(${open.map(p => `#${p.number}`).join(', ')}); testing #${first.number}, the most recently updated. ` +
                        `Set pr-number to choose.`
                ]
                : [];
            return withDeployment({
                kind: 'found',
                pr: { ...factsOf(first), headSha: deploymentSha },
                source: `GitHub, the open pull request whose head is the deployed commit ${short(deploymentSha)}`,
                notices
            });
        }
        case 'workflow_run': {
            const run = isObject(payload.workflow_run) ? payload.workflow_run : {};
            const headSha = text(run.head_sha);
            const listed = Array.isArray(run.pull_requests) ? run.pull_requests.filter(isObject) : [];
            const number = positive(listed[0]?.number);
            if (number) {
                const found = await byNumber(number, 'the workflow_run event');
                // The commit the triggering workflow built, even if the pull request has moved on since.
                return found.kind === 'found' && headSha
                    ? { ...found, pr: { ...found.pr, headSha } }
                    : found;
            }
            // GitHub leaves pull_requests empty for pull requests from forks: look them up by head.
            const headRepo = isObject(run.head_repository) ? run.head_repository : {};
            const headOwner = isObject(headRepo.owner) ? text(headRepo.owner.login) : '';
            const branch = text(run.head_branch);
            if (!headOwner || !branch || !headSha)
                break;
            const pulls = await needApi(`of ${headOwner}:${branch}`).openPullsByHead(`${headOwner}:${branch}`);
            const match = pulls.find(p => p.head?.sha === headSha);
            if (!match) {
                return {
                    kind: 'skipped',
                    reason: `the workflow run of ${headOwner}:${branch} (${short(headSha)}) belongs to no open pull request in ${where} whose head is that commit.`
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
    return {
        kind: 'skipped',
        reason: `the ${eventName || 'unknown'} event carries no pull request; set pr-number to test one (for example from a workflow_dispatch input).`
    };
}


/***/ }),

/***/ 4487:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createPullsClient: () => (/* binding */ createPullsClient),
/* harmony export */   retryDelayMs: () => (/* binding */ retryDelayMs)
/* harmony export */ });
/* harmony import */ var _guards_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9609);
/* harmony import */ var _pull_request_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2524);
// Finds pull requests on GitHub's REST API through Octokit, loaded only when a lookup is needed
// (the same lazily loaded chunk as the comment), so a plain run-id wait starts as fast as before.


const GitHubCallLimits = {
    /** Each call's own limit: GitHub answers in well under a second; a stall must not eat the step. */
    callTimeoutMs: 10_000,
    /** Tries per call for a 5xx, a rate limit or a network fault: GitHub's hiccups pass in seconds. */
    attempts: 3,
    /** The first backoff; doubled each time. */
    backoffMs: 1_000,
    /** A rate limit asking for a longer wait than this ends the lookup instead. */
    maxWaitMs: 20_000
};
const defaultSleep = (ms, signal) => new Promise(resolve => {
    if (signal?.aborted)
        return resolve();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
    }, { once: true });
});
/** How long a retryable answer asks to wait, or null when it is not worth repeating. */
function retryDelayMs(error, attempt, now) {
    const status = error.status;
    const headers = error.response?.headers ?? {};
    // GitHub answers 403 for an exhausted (or secondary) rate limit, and says when to come back.
    const limited = status === 429 ||
        (status === 403 &&
            (headers['x-ratelimit-remaining'] === '0' || headers['retry-after'] !== undefined));
    if (limited) {
        const after = Number(headers['retry-after']);
        if (Number.isFinite(after) && after >= 0)
            return after * 1000;
        const reset = Number(headers['x-ratelimit-reset']);
        if (Number.isFinite(reset) && reset > 0)
            return Math.max(0, reset * 1000 - now);
        return GitHubCallLimits.backoffMs * 2 ** attempt;
    }
    // No status: a network fault or the call's own timeout. A read is safe to repeat.
    if (status === undefined || status >= 500)
        return GitHubCallLimits.backoffMs * 2 ** attempt;
    return null;
}
async function createPullsClient(options) {
    const { getOctokit } = await __webpack_require__.e(/* import() */ 785).then(__webpack_require__.bind(__webpack_require__, 2785));
    const octokit = getOctokit(options.token, { baseUrl: options.apiUrl });
    const sleep = options.sleep ?? defaultSleep;
    const callTimeoutMs = options.callTimeoutMs ?? GitHubCallLimits.callTimeoutMs;
    const where = { owner: options.owner, repo: options.repo };
    const call = async (route, params) => {
        for (let attempt = 0;; attempt++) {
            if (options.signal?.aborted)
                throw new _pull_request_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubLookupError */ .q("the lookup was stopped: the step's timeout was reached, or the workflow was cancelled");
            const timeout = AbortSignal.timeout(callTimeoutMs);
            const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
            const started = Date.now();
            try {
                const response = await octokit.request(route, { ...where, ...params, request: { signal } });
                options.onRequest?.(`GitHub ${route} -> ${response.status} in ${Date.now() - started} ms`);
                return response.data;
            }
            catch (raw) {
                const error = raw;
                options.onRequest?.(`GitHub ${route} -> ${error.status ?? 'no answer'} in ${Date.now() - started} ms`);
                if (error.status === 404)
                    return null;
                const delay = retryDelayMs(error, attempt, Date.now());
                // Octokit reports a network fault or an aborted call as a 500 of its own.
                const what = timeout.aborted
                    ? `no answer within ${callTimeoutMs / 1000} s`
                    : error.status === undefined
                        ? (error.message ?? 'no answer')
                        : `HTTP ${error.status}: ${error.message ?? ''}`.trim();
                if (delay === null ||
                    attempt + 1 >= GitHubCallLimits.attempts ||
                    delay > GitHubCallLimits.maxWaitMs) {
                    const hint = error.status === 401 || error.status === 403
                        ? ' The token needs permissions: pull-requests: read (and contents: read).'
                        : '';
                    throw new _pull_request_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubLookupError */ .q(`GitHub's API failed (${route}: ${what}).${hint}`);
                }
                await sleep(delay, options.signal);
            }
        }
    };
    return {
        getPull: async (number) => {
            const route = 'GET /repos/{owner}/{repo}/pulls/{pull_number}';
            const pull = await call(route, { pull_number: number });
            if (pull === null || (0,_guards_js__WEBPACK_IMPORTED_MODULE_1__/* .isPlainObject */ .Qd)(pull))
                return pull;
            throw notAsDocumented(route, 'a pull request');
        },
        pullsForCommit: async (sha) => {
            const route = 'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls';
            return pullList(route, await call(route, { commit_sha: sha, per_page: 100 }));
        },
        openPullsByHead: async (head) => {
            const route = 'GET /repos/{owner}/{repo}/pulls';
            return pullList(route, await call(route, { head, state: 'open', per_page: 100 }));
        }
    };
}
/**
 * GitHub's answer is checked before it is believed: a proxy's HTML page or an odd GHES answer must
 * end as a lookup failure that says so, not as "failed unexpectedly: pulls.filter is not a function".
 */
function pullList(route, data) {
    if (data === null)
        return [];
    if (!Array.isArray(data))
        throw notAsDocumented(route, 'a list of pull requests');
    return data.filter(_guards_js__WEBPACK_IMPORTED_MODULE_1__/* .isPlainObject */ .Qd);
}
const notAsDocumented = (route, what) => new _pull_request_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubLookupError */ .q(`GitHub's API failed (${route}: the answer is not ${what}).`);


/***/ })

};
