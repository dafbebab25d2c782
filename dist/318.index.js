export const id = 318;
export const ids = [318];
export const modules = {

/***/ 751:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g5: () => (/* binding */ failureOf),
/* harmony export */   ur: () => (/* binding */ callGitHub)
/* harmony export */ });
/* unused harmony export retryDelayMs */
// One call to GitHub's REST API through Octokit, as every GitHub client of the action makes it: its
// own time limit, a few tries for 5xx, rate limits and network faults, and an answer in words.
const GitHubCallLimits = {
    /** Each call's own limit: GitHub answers in well under a second; a stall must not eat the step. */
    callTimeoutMs: 10_000,
    /** Tries per call for a 5xx, a rate limit or a network fault: GitHub's hiccups pass in seconds. */
    attempts: 3,
    /** The first backoff; doubled each time. */
    backoffMs: 1_000,
    /** A rate limit asking for a longer wait than this ends the call instead. */
    maxWaitMs: 20_000
};
/**
 * A network fault in its own words ("connect ECONNREFUSED 127.0.0.1:443", "getaddrinfo ENOTFOUND
 * ..."): the innermost message of the error's causes, under fetch's bare "fetch failed".
 */
function faultMessage(error) {
    let message;
    for (let cause = error, depth = 0; depth < 5; depth++) {
        if (typeof cause !== 'object' || cause === null)
            break;
        const { message: own, cause: next } = cause;
        if (typeof own === 'string' && own)
            message = own;
        cause = next;
    }
    return message;
}
/** GitHub's HTTP status, or undefined when GitHub did not answer. */
const answeredStatus = (error) => error.response === undefined ? undefined : error.status;
/** A failed call in words: GitHub's status and message, or (no status) the network fault's. */
function failureOf(raw) {
    const error = (typeof raw === 'object' && raw !== null ? raw : {});
    const status = answeredStatus(error);
    const message = status === undefined ? (faultMessage(raw) ?? String(raw)) : String(error.message ?? '');
    return { status, message };
}
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
    const status = answeredStatus(error);
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
    // No status: a network fault or the call's own timeout. Every call made here is safe to repeat
    // (reads, and a commit status, which states the same thing again).
    if (status === undefined || status >= 500)
        return GitHubCallLimits.backoffMs * 2 ** attempt;
    return null;
}
/** Makes the call, trying again while that can help; never throws for what GitHub answered. */
async function callGitHub(octokit, route, params, options = {}) {
    const sleep = options.sleep ?? defaultSleep;
    const callTimeoutMs = options.callTimeoutMs ?? GitHubCallLimits.callTimeoutMs;
    const attempts = options.attempts ?? GitHubCallLimits.attempts;
    for (let attempt = 0;; attempt++) {
        if (options.signal?.aborted)
            return { kind: 'stopped' };
        const timeout = AbortSignal.timeout(callTimeoutMs);
        const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
        const started = Date.now();
        try {
            const response = await octokit.request(route, { ...params, request: { signal } });
            options.onRequest?.(`GitHub ${route} -> ${response.status} in ${Date.now() - started} ms`);
            return { kind: 'ok', status: response.status, data: response.data };
        }
        catch (raw) {
            const error = raw;
            const status = answeredStatus(error);
            options.onRequest?.(`GitHub ${route} -> ${status ?? 'no answer'} in ${Date.now() - started} ms`);
            if (options.signal?.aborted)
                return { kind: 'stopped' };
            const delay = retryDelayMs(error, attempt, Date.now());
            if (delay === null || attempt + 1 >= attempts || delay > GitHubCallLimits.maxWaitMs) {
                if (status === undefined || timeout.aborted) {
                    return {
                        kind: 'no-answer',
                        message: timeout.aborted
                            ? `no answer within ${callTimeoutMs / 1000} s`
                            : (faultMessage(error) ?? 'no answer')
                    };
                }
                return {
                    kind: 'http-error',
                    status,
                    message: error.message ?? '',
                    headers: error.response?.headers ?? {}
                };
            }
            await sleep(delay, options.signal);
        }
    }
}


/***/ }),

/***/ 7318:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   upsertComment: () => (/* binding */ upsertComment)
/* harmony export */ });
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7242);
/* harmony import */ var _call_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(751);
/* harmony import */ var _octokit_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6702);
// Writes the pull-request comment through Octokit, loaded only when a comment is asked for, so the
// action starts as fast without it. Creates the comment once, then updates it in place.



/** The author of comments made with the workflow's own token. */
const ACTIONS_BOT = 'github-actions[bot]';
/** The login the token acts as, or null when GitHub will not say. */
async function whoAmI(octokit) {
    try {
        return (await octokit.rest.users.getAuthenticated()).data.login;
    }
    catch {
        // not a personal token
    }
    try {
        const answer = await octokit.graphql('query { viewer { login } }');
        return typeof answer.viewer?.login === 'string' ? answer.viewer.login : null;
    }
    catch {
        return null;
    }
}
async function upsertComment(target) {
    const getOctokit = await (0,_octokit_js__WEBPACK_IMPORTED_MODULE_2__/* .loadOctokit */ .m)();
    // One deadline for every call: a stalled GitHub must not hold the step for minutes.
    const octokit = getOctokit(target.token, {
        baseUrl: target.apiUrl,
        request: { signal: AbortSignal.timeout(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Limits */ .xu.commentTimeoutMs) }
    });
    const where = { owner: target.owner, repo: target.repo };
    try {
        // Whose comments may be updated: only our own, and only those that start with our marker
        // (anyone can quote it). A personal token says who it is through REST; an app's installation
        // token through GraphQL's viewer (`my-app[bot]`). When neither answers, it is the workflow's
        // own token, whose comments are github-actions[bot]'s; another bot's (renovate[bot]) never are.
        const login = (await whoAmI(octokit)) ?? ACTIONS_BOT;
        const comments = await octokit.paginate(octokit.rest.issues.listComments, {
            ...where,
            issue_number: target.prNumber,
            per_page: 100
        });
        const ours = comments.find(c => c.user?.login === login && (c.body ?? '').startsWith(target.marker));
        if (ours) {
            const { data } = await octokit.rest.issues.updateComment({
                ...where,
                comment_id: ours.id,
                body: target.body
            });
            return { kind: 'updated', url: data.html_url };
        }
        const { data } = await octokit.rest.issues.createComment({
            ...where,
            issue_number: target.prNumber,
            body: target.body
        });
        return { kind: 'created', url: data.html_url };
    }
    catch (error) {
        const { status, message } = (0,_call_js__WEBPACK_IMPORTED_MODULE_1__/* .failureOf */ .g5)(error);
        // GitHub answers 403 for an exhausted rate limit too: that is no permission problem.
        const headers = error.response?.headers;
        if (status === 403 && headers?.['x-ratelimit-remaining'] === '0') {
            return {
                kind: 'failed',
                message: `GitHub's API rate limit is exhausted (HTTP 403: ${message})`
            };
        }
        if (status === 403 || status === 404) {
            return { kind: 'forbidden', message: `HTTP ${status}: ${message}` };
        }
        return {
            kind: 'failed',
            message: status === undefined ? message : `HTTP ${status}: ${message}`
        };
    }
}


/***/ }),

/***/ 6702:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ loadOctokit)
/* harmony export */ });
/* harmony import */ var _undici_on_demand_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9305);
// The one way the action makes an Octokit: @actions/github and undici, each a chunk of the bundle
// loaded here on first use, so a run that never calls GitHub never reads them.

/** @actions/github's getOctokit, once undici (Octokit's fetch) is loaded. */
async function loadOctokit() {
    await (0,_undici_on_demand_js__WEBPACK_IMPORTED_MODULE_0__.loadUndici)();
    return (await __webpack_require__.e(/* import() */ 785).then(__webpack_require__.bind(__webpack_require__, 2785))).getOctokit;
}


/***/ })

};
