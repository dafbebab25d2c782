import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 770:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__(218);


/***/ }),

/***/ 218:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var net = __nccwpck_require__(9278);
var tls = __nccwpck_require__(4756);
var http = __nccwpck_require__(8611);
var https = __nccwpck_require__(5692);
var events = __nccwpck_require__(4434);
var assert = __nccwpck_require__(2613);
var util = __nccwpck_require__(9023);


exports.httpOverHttp = httpOverHttp;
exports.httpsOverHttp = httpsOverHttp;
exports.httpOverHttps = httpOverHttps;
exports.httpsOverHttps = httpsOverHttps;


function httpOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  return agent;
}

function httpsOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}

function httpOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  return agent;
}

function httpsOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}


function TunnelingAgent(options) {
  var self = this;
  self.options = options || {};
  self.proxyOptions = self.options.proxy || {};
  self.maxSockets = self.options.maxSockets || http.Agent.defaultMaxSockets;
  self.requests = [];
  self.sockets = [];

  self.on('free', function onFree(socket, host, port, localAddress) {
    var options = toOptions(host, port, localAddress);
    for (var i = 0, len = self.requests.length; i < len; ++i) {
      var pending = self.requests[i];
      if (pending.host === options.host && pending.port === options.port) {
        // Detect the request to connect same origin server,
        // reuse the connection.
        self.requests.splice(i, 1);
        pending.request.onSocket(socket);
        return;
      }
    }
    socket.destroy();
    self.removeSocket(socket);
  });
}
util.inherits(TunnelingAgent, events.EventEmitter);

TunnelingAgent.prototype.addRequest = function addRequest(req, host, port, localAddress) {
  var self = this;
  var options = mergeOptions({request: req}, self.options, toOptions(host, port, localAddress));

  if (self.sockets.length >= this.maxSockets) {
    // We are over limit so we'll add it to the queue.
    self.requests.push(options);
    return;
  }

  // If we are under maxSockets create a new one.
  self.createSocket(options, function(socket) {
    socket.on('free', onFree);
    socket.on('close', onCloseOrRemove);
    socket.on('agentRemove', onCloseOrRemove);
    req.onSocket(socket);

    function onFree() {
      self.emit('free', socket, options);
    }

    function onCloseOrRemove(err) {
      self.removeSocket(socket);
      socket.removeListener('free', onFree);
      socket.removeListener('close', onCloseOrRemove);
      socket.removeListener('agentRemove', onCloseOrRemove);
    }
  });
};

TunnelingAgent.prototype.createSocket = function createSocket(options, cb) {
  var self = this;
  var placeholder = {};
  self.sockets.push(placeholder);

  var connectOptions = mergeOptions({}, self.proxyOptions, {
    method: 'CONNECT',
    path: options.host + ':' + options.port,
    agent: false,
    headers: {
      host: options.host + ':' + options.port
    }
  });
  if (options.localAddress) {
    connectOptions.localAddress = options.localAddress;
  }
  if (connectOptions.proxyAuth) {
    connectOptions.headers = connectOptions.headers || {};
    connectOptions.headers['Proxy-Authorization'] = 'Basic ' +
        new Buffer(connectOptions.proxyAuth).toString('base64');
  }

  debug('making CONNECT request');
  var connectReq = self.request(connectOptions);
  connectReq.useChunkedEncodingByDefault = false; // for v0.6
  connectReq.once('response', onResponse); // for v0.6
  connectReq.once('upgrade', onUpgrade);   // for v0.6
  connectReq.once('connect', onConnect);   // for v0.7 or later
  connectReq.once('error', onError);
  connectReq.end();

  function onResponse(res) {
    // Very hacky. This is necessary to avoid http-parser leaks.
    res.upgrade = true;
  }

  function onUpgrade(res, socket, head) {
    // Hacky.
    process.nextTick(function() {
      onConnect(res, socket, head);
    });
  }

  function onConnect(res, socket, head) {
    connectReq.removeAllListeners();
    socket.removeAllListeners();

    if (res.statusCode !== 200) {
      debug('tunneling socket could not be established, statusCode=%d',
        res.statusCode);
      socket.destroy();
      var error = new Error('tunneling socket could not be established, ' +
        'statusCode=' + res.statusCode);
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    if (head.length > 0) {
      debug('got illegal response body from proxy');
      socket.destroy();
      var error = new Error('got illegal response body from proxy');
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    debug('tunneling connection has established');
    self.sockets[self.sockets.indexOf(placeholder)] = socket;
    return cb(socket);
  }

  function onError(cause) {
    connectReq.removeAllListeners();

    debug('tunneling socket could not be established, cause=%s\n',
          cause.message, cause.stack);
    var error = new Error('tunneling socket could not be established, ' +
                          'cause=' + cause.message);
    error.code = 'ECONNRESET';
    options.request.emit('error', error);
    self.removeSocket(placeholder);
  }
};

TunnelingAgent.prototype.removeSocket = function removeSocket(socket) {
  var pos = this.sockets.indexOf(socket)
  if (pos === -1) {
    return;
  }
  this.sockets.splice(pos, 1);

  var pending = this.requests.shift();
  if (pending) {
    // If we have pending requests and a socket gets closed a new one
    // needs to be created to take over in the pool for the one that closed.
    this.createSocket(pending, function(socket) {
      pending.request.onSocket(socket);
    });
  }
};

function createSecureSocket(options, cb) {
  var self = this;
  TunnelingAgent.prototype.createSocket.call(self, options, function(socket) {
    var hostHeader = options.request.getHeader('host');
    var tlsOptions = mergeOptions({}, self.options, {
      socket: socket,
      servername: hostHeader ? hostHeader.replace(/:.*$/, '') : options.host
    });

    // 0 is dummy port for v0.6
    var secureSocket = tls.connect(0, tlsOptions);
    self.sockets[self.sockets.indexOf(socket)] = secureSocket;
    cb(secureSocket);
  });
}


function toOptions(host, port, localAddress) {
  if (typeof host === 'string') { // since v0.10
    return {
      host: host,
      port: port,
      localAddress: localAddress
    };
  }
  return host; // for v0.11 or later
}

function mergeOptions(target) {
  for (var i = 1, len = arguments.length; i < len; ++i) {
    var overrides = arguments[i];
    if (typeof overrides === 'object') {
      var keys = Object.keys(overrides);
      for (var j = 0, keyLen = keys.length; j < keyLen; ++j) {
        var k = keys[j];
        if (overrides[k] !== undefined) {
          target[k] = overrides[k];
        }
      }
    }
  }
  return target;
}


var debug;
if (process.env.NODE_DEBUG && /\btunnel\b/.test(process.env.NODE_DEBUG)) {
  debug = function() {
    var args = Array.prototype.slice.call(arguments);
    if (typeof args[0] === 'string') {
      args[0] = 'TUNNEL: ' + args[0];
    } else {
      args.unshift('TUNNEL:');
    }
    console.error.apply(console, args);
  }
} else {
  debug = function() {};
}
exports.debug = debug; // for test


/***/ }),

/***/ 9371:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   FP: () => (/* binding */ parseAppList),
/* harmony export */   NG: () => (/* binding */ parseUploadTicket),
/* harmony export */   Xx: () => (/* binding */ matchUploadedApp),
/* harmony export */   mN: () => (/* binding */ NotAnAppError),
/* harmony export */   u4: () => (/* binding */ resolvePlatform),
/* harmony export */   vx: () => (/* binding */ parseConfirmed)
/* harmony export */ });
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7242);
/* harmony import */ var _guards_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9609);
// Decodes what the API says about uploads: the presigned ticket, one app, the project's app list.
// Everything here is untrusted JSON, checked before the rest of the action believes it.


class NotAnAppError extends Error {
}
const text = (value) => typeof value === 'string' && value.trim() !== '' ? value : null;
function parseUploadTicket(json) {
    const body = (0,_guards_js__WEBPACK_IMPORTED_MODULE_1__/* .isPlainObject */ .Qd)(json) ? json : {};
    const uploadUrl = text(body.uploadUrl);
    const storageKey = text(body.storageKey);
    if (!uploadUrl || !storageKey) {
        throw new NotAnAppError('the upload answer has no uploadUrl or no storageKey');
    }
    return { uploadUrl, storageKey };
}
function parseApp(json) {
    const body = (0,_guards_js__WEBPACK_IMPORTED_MODULE_1__/* .isPlainObject */ .Qd)(json) ? json : {};
    const id = text(body.id);
    // Runs are started with this ID: anything but a UUID would be sent on blindly.
    if (!id || !(0,_guards_js__WEBPACK_IMPORTED_MODULE_1__/* .isUuid */ .O1)(id))
        throw new NotAnAppError('the app has no ID (a UUID)');
    const platform = text(body.platform);
    if (!platform)
        throw new NotAnAppError('the app has no platform');
    return {
        id: id.toLowerCase(),
        platform,
        filename: text(body.filename) ?? '',
        bundleId: text(body.bundleId),
        appVersion: text(body.appVersion),
        buildVersion: text(body.buildVersion),
        fileSize: typeof body.fileSize === 'number' ? body.fileSize : null,
        source: text(body.source),
        createdAt: text(body.createdAt)
    };
}
/** The confirm answer: `{ app }`. */
function parseConfirmed(json) {
    const body = (0,_guards_js__WEBPACK_IMPORTED_MODULE_1__/* .isPlainObject */ .Qd)(json) ? json : {};
    if (!(0,_guards_js__WEBPACK_IMPORTED_MODULE_1__/* .isPlainObject */ .Qd)(body.app)) {
        throw new NotAnAppError('the confirm answer has no app');
    }
    return parseApp(body.app);
}
/** The list answer: `{ apps: [...] }`; items that are not apps are left out, not fatal. */
function parseAppList(json) {
    const body = (0,_guards_js__WEBPACK_IMPORTED_MODULE_1__/* .isPlainObject */ .Qd)(json) ? json : {};
    if (!Array.isArray(body.apps))
        throw new NotAnAppError('the app list has no apps array');
    const apps = [];
    for (const item of body.apps) {
        try {
            apps.push(parseApp(item));
        }
        catch {
            // one odd entry must not hide the app we are looking for
        }
    }
    return apps;
}
/**
 * The apps that can be the one this upload made: uploaded through the API, of the same size,
 * created since the upload began (less `skewMs`, for the runner's clock against the API's).
 */
function matchUploadedApp(apps, { fileSize, since, skewMs }) {
    return apps.filter(app => {
        const created = app.createdAt ? Date.parse(app.createdAt) : Number.NaN;
        return (app.source === 'api_upload' &&
            app.fileSize === fileSize &&
            Number.isFinite(created) &&
            created >= since - skewMs);
    });
}
/**
 * The platform the runs use: the app's when `platform` is empty; an error message when the
 * input names another (an APK with `platform: ios` would start runs that cannot install it).
 */
function resolvePlatform(requested, app) {
    const wanted = requested.trim().toLowerCase();
    const actual = app.platform.toLowerCase();
    if (!wanted || wanted === actual)
        return { platform: actual };
    return {
        message: `Input '${_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Platform}' is "${wanted}", but the uploaded build is an ${actual} app ` +
            `(${app.filename || 'app'} ${app.id}): leave platform empty to use the app's, or upload a build for ${wanted}. No run was started.`
    };
}


/***/ }),

/***/ 7542:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ networkMessage),
/* harmony export */   l: () => (/* binding */ withSignal)
/* harmony export */ });
/**
 * http-client's extension point for request options: it lets an AbortSignal reach http.request,
 * and unwraps an IPv6 literal (`[::1]`), whose brackets http-client passes on to the resolver.
 */
function withSignal(signal) {
    return {
        prepareRequest: options => {
            options.signal = signal;
            if (options.host?.startsWith('['))
                options.host = options.host.slice(1, -1);
        },
        canHandleAuthentication: () => false,
        handleAuthentication: () => Promise.reject(new Error('not supported'))
    };
}
/**
 * A request that got no answer, in words: the error codes a user can act on (`known`, worded by
 * each client for its server), else `otherwise` and the error's own message.
 */
function networkMessage(error, known, otherwise) {
    const code = error?.code;
    const text = error instanceof Error ? error.message : String(error);
    const description = typeof code === 'string' ? known[code] : undefined;
    return description ? `${description} (${code})` : `${otherwise}: ${text}`;
}


/***/ }),

/***/ 1101:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   LD: () => (/* binding */ decide),
/* harmony export */   cd: () => (/* binding */ initialRetryState),
/* harmony export */   jo: () => (/* binding */ backoffMs),
/* harmony export */   qO: () => (/* binding */ retryDelayMs)
/* harmony export */ });
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7242);
// What to do after each answer about a run: keep polling, back off, give up, or stop everything.
// Pure: the poller feeds it answers and the time; a table of tests pins every row.

const initialRetryState = () => ({ failures: 0, notFoundSince: null });
/**
 * Exponential backoff with full jitter between the poll interval and a cap that doubles with each
 * fault, never above 60 s (or the interval itself, if that is longer). The jitter keeps the
 * action's runs and other jobs from retrying in lockstep.
 */
function backoffMs(failures, pollIntervalMs, random) {
    const cap = Math.max(pollIntervalMs, _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Limits */ .xu.maxBackoffMs);
    const ceiling = Math.min(cap, pollIntervalMs * 2 ** Math.min(failures, 20));
    return Math.round(pollIntervalMs + random() * (ceiling - pollIntervalMs));
}
/**
 * How long to wait before the next try: what the server asked for (`Retry-After`), never sooner
 * than the poll interval even if it says 0, else the backoff. Used by the wait and the start alike.
 */
function retryDelayMs(retryAfterMs, failures, pollIntervalMs, random) {
    return retryAfterMs === null
        ? backoffMs(failures, pollIntervalMs, random)
        : Math.max(retryAfterMs, pollIntervalMs);
}
/**
 * Answers that say this request will never work as sent (gone, method or media type refused, not
 * implemented): retrying them would only spend the whole timeout. 404 is not here: a new run may
 * not be visible yet.
 */
const PERMANENT_STATUSES = [
    405, 406, 410, 411, 413, 414, 415, 421, 422, 501, 505
];
function decide(response, state, context) {
    const { now, pollIntervalMs, random } = context;
    const fault = (message, throttle = false, retryAfterMs = null) => {
        const failures = state.failures + 1;
        const delayMs = retryDelayMs(retryAfterMs, failures, pollIntervalMs, random);
        return [
            { action: 'retry', delayMs, message, throttle },
            { ...state, failures }
        ];
    };
    switch (response.kind) {
        case 'run':
            return [{ action: 'poll', delayMs: pollIntervalMs }, initialRetryState()];
        case 'invalid-body':
        case 'network-error':
            return fault(response.message);
        case 'too-large':
            // Downloading tens of megabytes again would end the same way, until the timeout.
            return [{ action: 'give-up', message: response.message }, state];
        case 'aborted':
            // The caller ended the wait; it never asks the policy what to do next.
            return [{ action: 'fatal', message: 'the wait was aborted' }, state];
        case 'http-error':
            break;
    }
    const { status, message } = response;
    if (status === 401 || status === 403) {
        return [
            {
                action: 'fatal',
                message: `the TesterArmy API rejected the API key (${message}); check the api-key input or the TESTERARMY_API_KEY secret`
            },
            state
        ];
    }
    if (status === 400) {
        return [
            { action: 'fatal', message: `the TesterArmy API rejected the request (${message})` },
            state
        ];
    }
    if (status >= 300 && status < 400) {
        // The API never redirects: an answer that points elsewhere means api-url is not the API root.
        return [
            {
                action: 'fatal',
                message: `the TesterArmy API answered with a redirect (${message}); check the api-url input, which must be the API root such as https://tester.army/api`
            },
            state
        ];
    }
    if (PERMANENT_STATUSES.includes(status)) {
        return [
            {
                action: 'fatal',
                message: `the TesterArmy API refused the request for good (${message}); check the api-url input`
            },
            state
        ];
    }
    if (status === 404) {
        const since = state.notFoundSince ?? now;
        if (now - since >= _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Limits */ .xu.notFoundGraceMs) {
            return [{ action: 'not-found', message: `the run was not found (${message})` }, state];
        }
        const [decision, next] = fault(`the run is not visible yet (${message})`);
        // Check once more right when the grace window ends, not a whole backoff after it.
        const untilGraceEnds = since + _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Limits */ .xu.notFoundGraceMs - now;
        const delayed = decision.action === 'retry'
            ? { ...decision, delayMs: Math.min(decision.delayMs, untilGraceEnds) }
            : decision;
        return [delayed, { ...next, notFoundSince: since }];
    }
    if (status === 429) {
        // The server knows best how long to wait (the timeout still bounds it); without a hint, back
        // off like any fault.
        return fault(`the API is rate limiting requests (${message})`, true, response.retryAfterMs);
    }
    // 5xx, odd 3xx/4xx from a proxy: transient until the timeout says otherwise.
    const hint = status === 504 ? 'the API gateway timed out' : 'the API had an error';
    return fault(`${hint} (${message})`);
}


/***/ }),

/***/ 7825:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   CI: () => (/* binding */ NotARunError),
/* harmony export */   LK: () => (/* binding */ parseStartResponse),
/* harmony export */   MP: () => (/* binding */ describeBody),
/* harmony export */   sq: () => (/* binding */ parseBatchCancel),
/* harmony export */   xO: () => (/* binding */ decodeJson),
/* harmony export */   zZ: () => (/* binding */ parseRun)
/* harmony export */ });
/* harmony import */ var _guards_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9609);
// What the API answers, checked at the boundary: the run object and the start response, typed from
// both API descriptions in shared/api, lenient with what it does not know, and never trusting a
// field's type without looking. Pure: the client hands it parsed JSON.

/**
 * A success's body was not what the request returns (a run, the started runs): a proxy's page, a
 * truncated body, another endpoint's JSON.
 */
class NotARunError extends Error {
    name = 'NotARunError';
}
const isObject = _guards_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlainObject */ .Qd;
const str = _guards_js__WEBPACK_IMPORTED_MODULE_0__/* .textOf */ .b6;
const strOrNull = (value) => typeof value === 'string' && value !== '' ? value : null;
const num = (value) => typeof value === 'number' && Number.isFinite(value) ? value : null;
const list = (value) => (Array.isArray(value) ? value : []);
const strings = (value) => list(value).filter((v) => typeof v === 'string');
/**
 * Checks a 200 body. Only `status` is essential: without it we cannot tell whether to keep
 * waiting. Everything else is optional here and shown as missing, whatever either API version says
 * is required, because a report with a gap beats a crash.
 */
function parseRun(body, expectedId) {
    if (!isObject(body))
        throw new NotARunError('the response is not a JSON object');
    if (typeof body.status !== 'string' || body.status.trim() === '') {
        throw new NotARunError('the response has no run status');
    }
    const id = str(body.id);
    if (expectedId && id && id.toLowerCase() !== expectedId.toLowerCase()) {
        throw new NotARunError(`the response describes run ${JSON.stringify(id.slice(0, 40))}, not ${expectedId}`);
    }
    const error = isObject(body.error)
        ? { code: str(body.error.code), message: str(body.error.message) }
        : null;
    return {
        id: id || expectedId || '',
        status: body.status.trim().toLowerCase(),
        type: strOrNull(body.type),
        platform: strOrNull(body.platform),
        deviceModel: strOrNull(body.deviceModel),
        source: strOrNull(body.source),
        executionMode: strOrNull(body.executionMode),
        userName: strOrNull(body.userName),
        testId: strOrNull(body.testId),
        projectId: strOrNull(body.projectId),
        createdAt: strOrNull(body.createdAt),
        startedAt: strOrNull(body.startedAt),
        completedAt: strOrNull(body.completedAt),
        durationMs: num(body.durationMs),
        autoRetryCount: num(body.autoRetryCount),
        output: parseOutput(body.output),
        testPlan: parseTestPlan(body.testPlan),
        error: error && (error.code || error.message) ? error : null
    };
}
function parseOutput(value) {
    if (!isObject(value))
        return null;
    if (value.kind === 'planner_skipped')
        return { kind: 'planner_skipped', reason: str(value.reason) };
    return {
        kind: 'test',
        featureName: str(value.featureName),
        result: str(value.result).trim().toUpperCase(),
        description: str(value.description),
        issues: list(value.issues).filter(isObject).map(parseIssue),
        screenshots: strings(value.screenshots),
        steps: list(value.steps).filter(isObject).map(parseStep)
    };
}
/** Severity is trusted only as an integer from 1 to 5; anything else is unrated (the gate fails closed). */
function parseSeverity(value) {
    return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5
        ? value
        : null;
}
function parseIssue(value) {
    const type = str(value.type).trim().toLowerCase();
    return {
        type: type || 'issue',
        name: str(value.name),
        description: str(value.description),
        url: str(value.url),
        severity: parseSeverity(value.severity),
        reproductionSteps: strings(value.reproductionSteps),
        expectedBehavior: str(value.expectedBehavior),
        actualBehavior: str(value.actualBehavior),
        screenshotUrl: str(value.screenshotUrl),
        tMs: num(value.tMs)
    };
}
function parseStep(value) {
    return {
        stepIndex: num(value.stepIndex),
        title: str(value.title),
        type: str(value.type),
        status: str(value.status).trim().toLowerCase(),
        summary: str(value.summary),
        error: str(value.error),
        errorCode: str(value.errorCode),
        startedAtMs: num(value.startedAtMs),
        completedAtMs: num(value.completedAtMs)
    };
}
function parseTestPlan(value) {
    if (!isObject(value))
        return null;
    return {
        instructions: str(value.instructions),
        focusAreas: strings(value.focusAreas),
        complexity: str(value.complexity),
        changeType: str(value.changeType),
        steps: list(value.steps)
            .filter(isObject)
            .map(step => ({ type: str(step.type), title: str(step.title) }))
    };
}
/**
 * Checks the body of a successful start: `{ runId }` for a test; `{ runIds, queuedRunIds,
 * cancelledRunIds }` for a group, whose runs are named by any of the three lists (a group whose
 * `runIds` is missing still names its runs in the other two). Throws `NotARunError` for an ID that
 * is not a UUID, or when the body names no run (an empty `runIds` of a group is an answer: the
 * caller says the group started nothing).
 */
function parseStartResponse(body, kind) {
    const json = isObject(body) ? body : {};
    const ids = (value) => list(value).filter((v) => typeof v === 'string' && v.trim() !== '');
    const listed = [json.runId, json.runIds, json.queuedRunIds, json.cancelledRunIds].flat();
    if (listed.some(v => typeof v === 'string' && !(0,_guards_js__WEBPACK_IMPORTED_MODULE_0__/* .isUuid */ .O1)(v))) {
        throw new NotARunError('with a run ID that is not a UUID');
    }
    const runIds = kind === 'test' ? ids([json.runId]) : ids(json.runIds);
    const cancelledRunIds = kind === 'test' ? [] : ids(json.cancelledRunIds);
    const all = (0,_guards_js__WEBPACK_IMPORTED_MODULE_0__/* .uniqueRunIds */ .tj)([
        ...runIds,
        ...(kind === 'group' ? ids(json.queuedRunIds) : []),
        ...cancelledRunIds
    ]);
    if (all.length === 0 && !(kind === 'group' && Array.isArray(json.runIds))) {
        throw new NotARunError('without the ID of the run it started');
    }
    const batchId = kind === 'group' && typeof json.batchId === 'string' ? json.batchId : '';
    return {
        runIds: all,
        cancelledRunIds: (0,_guards_js__WEBPACK_IMPORTED_MODULE_0__/* .uniqueRunIds */ .tj)(cancelledRunIds),
        ...((0,_guards_js__WEBPACK_IMPORTED_MODULE_0__/* .isUuid */ .O1)(batchId) ? { batchId: batchId.toLowerCase() } : {}),
        answer: body
    };
}
/**
 * The runs a batch cancel covered (cancelled, or found already finished), from its 200 or its 409
 * answer; [] when the body says nothing usable, so every run then gets its own cancel.
 */
function parseBatchCancel(body) {
    const json = isObject(body) ? body : {};
    return [...list(json.cancelledRunIds), ...list(json.alreadyFinishedRunIds)]
        .filter((id) => typeof id === 'string' && (0,_guards_js__WEBPACK_IMPORTED_MODULE_0__/* .isUuid */ .O1)(id))
        .map(id => id.toLowerCase());
}
/**
 * Parses a response body. A leading byte-order mark is skipped: some servers and proxies write one
 * before JSON, and it says nothing about the content.
 */
function decodeJson(body) {
    const text = body.charCodeAt(0) === 0xfeff ? body.slice(1) : body;
    try {
        return { ok: true, value: JSON.parse(text) };
    }
    catch {
        return { ok: false, message: `not JSON (${describeBody(body)})` };
    }
}
/**
 * A proxy's HTML error page or a stray body, summarised without dumping it into the log. Invisible
 * and control characters are shown as `\uXXXX`, since they are often why a body is not JSON.
 */
function describeBody(body) {
    const trimmed = body.trim();
    if (trimmed === '')
        return 'empty body';
    if (/^<!doctype html|^<html/i.test(trimmed)) {
        const title = /<title[^>]*>([^<]{1,120})<\/title>/i.exec(trimmed)?.[1]?.trim();
        return title ? `an HTML page titled "${title}"` : 'an HTML page';
    }
    const start = Array.from(trimmed.slice(0, 40))
        .map(c => (visible().test(c) ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))
        .join('');
    return `${trimmed.length} characters starting "${start}"`;
}
/**
 * Printable ASCII, and letters, marks, numbers, punctuation and symbols beyond it. Built at first
 * use, not written as a literal: V8 checks a literal's Unicode classes as the module loads, which
 * cost every start about 20 million instructions (2 to 4 % of the cold start), for a pattern only
 * a body that is not JSON ever needs.
 */
let visiblePattern;
const visible = () => (visiblePattern ??= new RegExp('^[\\u0020-\\u007e]$|^[\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}]$', 'u'));


/***/ }),

/***/ 7242:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   CM: () => (/* binding */ TERMINAL_STATUSES),
/* harmony export */   G0: () => (/* binding */ Inputs),
/* harmony export */   WI: () => (/* binding */ REPORT_SCHEMA_VERSION),
/* harmony export */   h1: () => (/* binding */ WAITING_STATUSES),
/* harmony export */   rK: () => (/* binding */ DEFAULT_API_URL),
/* harmony export */   rg: () => (/* binding */ API_KEY_ENV),
/* harmony export */   tY: () => (/* binding */ Outputs),
/* harmony export */   xu: () => (/* binding */ Limits),
/* harmony export */   xv: () => (/* binding */ VERSION)
/* harmony export */ });
// Names and limits shared across the action: every input and output name is spelled here once.
/** Kept in step with package.json by a test; sent as the User-Agent. */
const VERSION = '1.0.0';
const Inputs = {
    RunId: 'run-id',
    ApiKey: 'api-key',
    ApiUrl: 'api-url',
    PollInterval: 'poll-interval',
    Timeout: 'timeout',
    FailOn: 'fail-on',
    MinSeverity: 'min-severity',
    Summary: 'summary',
    Annotations: 'annotations',
    ReportPath: 'report-path',
    CancelOnAbort: 'cancel-on-abort',
    TestId: 'test-id',
    GroupId: 'group-id',
    Mode: 'mode',
    Platform: 'platform',
    DeviceModel: 'device-model',
    AppId: 'app-id',
    EnvironmentId: 'environment-id',
    TargetUrl: 'target-url',
    Environment: 'environment',
    Comment: 'comment',
    GithubToken: 'github-token',
    CommitStatus: 'commit-status',
    StatusContext: 'status-context',
    ExplorationAgent: 'exploration-agent',
    ProjectId: 'project-id',
    PrNumber: 'pr-number',
    SimulatorRegion: 'simulator-region',
    AppPath: 'app-path',
    AppRemoveAfter: 'app-remove-after',
    RetryFailed: 'retry-failed',
    OnFlaky: 'on-flaky',
    Leg: 'leg',
    Reports: 'reports',
    ExpectedReports: 'expected-reports',
    KnownIssues: 'known-issues',
    KnownIssuesFrom: 'known-issues-from'
};
const Outputs = {
    RunId: 'run-id',
    Status: 'status',
    Result: 'result',
    Passed: 'passed',
    IssuesCount: 'issues-count',
    WarningsCount: 'warnings-count',
    MaxSeverity: 'max-severity',
    StepsCount: 'steps-count',
    FailedStepsCount: 'failed-steps-count',
    DurationMs: 'duration-ms',
    FeatureName: 'feature-name',
    Description: 'description',
    ReportPath: 'report-path',
    Runs: 'runs',
    BatchId: 'batch-id',
    PrNumber: 'pr-number',
    GithubReporting: 'github-reporting',
    AppId: 'app-id',
    AppPlatform: 'app-platform',
    AppVersion: 'app-version',
    FlakyCount: 'flaky-count',
    JunitPath: 'junit-path',
    CtrfPath: 'ctrf-path',
    ReportsCount: 'reports-count',
    WaivedCount: 'waived-count'
};
/** The environment variable read when the `api-key` input is empty. */
const API_KEY_ENV = 'TESTERARMY_API_KEY';
const DEFAULT_API_URL = 'https://tester.army/api';
/**
 * The report file's format (`schemas/report.schema.json`): a new optional field is a minor
 * version, anything else a new major. Reports mode reads every report of the same major.
 */
const REPORT_SCHEMA_VERSION = '1.0.0';
const Limits = {
    /**
     * The shortest API key accepted. Real keys are long random strings; the key is scrubbed from
     * every text the API sends, and a key as short as an ordinary word (`ted`, `test`) could not be
     * scrubbed without mangling statuses, paths and sentences that merely contain it.
     */
    minApiKeyLength: 16,
    /** The shortest `poll-interval`: faster polling only costs the API and the user's rate limit. */
    minPollIntervalMs: 1_000,
    /** GitHub ends a job after 6 hours, so a longer `timeout` could never be reached. */
    maxTimeoutMs: 6 * 60 * 60 * 1_000,
    /** Each request gets its own deadline, so one hung connection cannot eat the whole wait. */
    requestTimeoutMs: 30_000,
    /** Backoff never waits longer than this between two tries of one run. */
    maxBackoffMs: 60_000,
    /** A run created a moment ago may not be readable yet; a 404 is trusted only after this long. */
    notFoundGraceMs: 60_000,
    /** The runner sends SIGKILL a few seconds after its first signal; cancelling must fit inside. */
    cancelRequestTimeoutMs: 3_000,
    /**
     * After the runner's cancel, a start request already sent may still answer this long: the runs
     * it started are then known, and cancelled, instead of left running where nobody looks. Short,
     * as the step must end within 4 s of the signal.
     */
    startAnswerGraceMs: 1_000,
    /**
     * A cancel request given less than this cannot get an answer (a request to the API takes tens of
     * milliseconds at best): once the batch cancel has used the budget, the rest are not sent.
     */
    cancelMinBudgetMs: 100,
    /**
     * After the runner's first signal the process exits by this time whatever is still pending: the
     * runner waits 7.5 s before SIGTERM and 2.5 s more before SIGKILL; we promise 4 s.
     */
    cancelExitMs: 3_800,
    /**
     * A response body larger than this is not read (and not asked for again). A real run of 100,000
     * issues is about 72 MB; this leaves room above it while keeping memory bounded.
     */
    maxResponseBytes: 128 * 1024 * 1024,
    /**
     * A page of the run list heavier than this is mostly finished runs' findings (ours and other
     * workflows'), downloaded again every interval: reading our runs one by one then costs less, so
     * the list is not used again.
     */
    maxListPageBytes: 8 * 1024 * 1024,
    /**
     * GitHub rejects a step summary over 1 MiB, whole. Keep ours under it with room to spare for the
     * runner's own bookkeeping.
     */
    summaryMaxBytes: 1_000_000,
    /**
     * The longest text output (`feature-name`, `description`), in bytes. GitHub keeps about 1 MB of
     * outputs per job, shared with every other step; the report file has the full text.
     */
    maxTextOutputBytes: 16 * 1024,
    /** GitHub shows at most 10 error and 10 warning annotations per step. */
    maxErrorAnnotations: 10,
    maxWarningAnnotations: 10,
    /** GitHub refuses a comment body over 65,536 characters; the comment stays well under it. */
    commentMaxChars: 60_000,
    /** The comment lists this many of the most severe issues; the summary has the rest. */
    commentMaxIssues: 5,
    /**
     * All the calls to GitHub for the comment together (identity, listing, writing) end within this:
     * a stalled GitHub must not hold the step for minutes.
     */
    commentTimeoutMs: 30_000,
    /**
     * All the commit status posts together hold the step at most this long once the wait is over
     * (the pending one still going, and the verdict): a stalled GitHub must not hold the step for
     * a minute, as the comment's own limit says.
     */
    statusTimeoutMs: 30_000,
    /**
     * After the runner's cancel, the final commit status is tried until this long before the hard
     * exit: what is left is for the report files, the outputs and the summary.
     */
    statusBeforeExitMs: 1_000,
    /**
     * The most `retry-failed` takes: each attempt is a whole run of an AI agent, and a run that fails
     * four times in a row is failing, not flaky.
     */
    maxRetries: 3,
    /**
     * The largest leg report reports mode reads. A leg's report holds the bodies of its runs (a
     * typical run is tens of KB); a file larger than this is not a report the action wrote for a
     * sane matrix leg, and reading it whole would take hundreds of MB of memory.
     */
    maxReportFileBytes: 64 * 1024 * 1024,
    /**
     * A known-issues file larger than this is not read: a file of waivers people review is a few
     * kilobytes, and the file is parsed whole.
     */
    maxKnownIssuesBytes: 1024 * 1024,
    /** Waived findings listed per run in the `runs` output; the report file lists every one. */
    maxWaiversListed: 100,
    /** GitHub shows at most 10 notice annotations per step: one per waived finding, up to this. */
    maxNoticeAnnotations: 10
};
/** Statuses after which a run never changes again (API `RunResponse.status`). */
const TERMINAL_STATUSES = ['completed', 'failed', 'cancelled'];
/** Statuses the API documents as not finished yet; any other unknown value is logged once. */
const WAITING_STATUSES = ['queued', 'running'];


/***/ }),

/***/ 7607:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ parseDuration),
/* harmony export */   a: () => (/* binding */ formatDuration)
/* harmony export */ });
// Durations as people write them in a workflow (`5s`, `30m`) and as people read them (`2 min 10 s`).
const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };
/**
 * Parses `90`, `90s`, `1.5m`, `500ms`, `2h` into milliseconds. A bare number is seconds, as in
 * most actions' timeout inputs. Returns null for anything else so the caller can name the input.
 */
function parseDuration(text) {
    const match = /^(\d+(?:\.\d+)?|\.\d+)\s*(ms|s|m|h)?$/i.exec(text.trim());
    if (!match)
        return null;
    const unit = (match[2] ?? 's').toLowerCase();
    const ms = Number(match[1]) * UNIT_MS[unit];
    return Number.isFinite(ms) ? Math.round(ms) : null;
}
/** `850 ms`, `3.5 s`, `42 s`, `2 min 10 s`, `1 h 5 min`: precise enough to compare, short to read. */
function formatDuration(ms) {
    if (!Number.isFinite(ms) || ms < 0)
        return '–';
    if (ms < 1_000)
        return `${Math.round(ms)} ms`;
    if (ms < 10_000) {
        const s = Math.round(ms / 100) / 10;
        return s < 10 ? `${s} s` : '10 s';
    }
    const totalSeconds = Math.round(ms / 1_000);
    if (totalSeconds < 60)
        return `${totalSeconds} s`;
    const totalMinutes = Math.floor(totalSeconds / 60);
    if (totalMinutes < 60) {
        const s = totalSeconds % 60;
        return s ? `${totalMinutes} min ${s} s` : `${totalMinutes} min`;
    }
    const h = Math.floor(totalMinutes / 60);
    const m = totalMinutes % 60;
    return m ? `${h} h ${m} min` : `${h} h`;
}


/***/ }),

/***/ 2988:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   IE: () => (/* binding */ xmlAttribute),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   kc: () => (/* binding */ logText),
/* harmony export */   q3: () => (/* binding */ httpUrl),
/* harmony export */   qy: () => (/* binding */ html),
/* harmony export */   uH: () => (/* binding */ clean),
/* harmony export */   wD: () => (/* binding */ markdown),
/* harmony export */   xK: () => (/* binding */ xmlText),
/* harmony export */   xv: () => (/* binding */ truncate)
/* harmony export */ });
// The one place where text from the API becomes safe to show. Everything the API returns was
// written by an AI agent about arbitrary web pages: it may hold HTML, Markdown, workflow commands,
// or links to anywhere. Each output context has one function here, and nothing else escapes.
/** Characters that change how text displays without being seen: bidi overrides (Trojan Source). */
const INVISIBLE_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
// C0 and C1 controls except tab and line feed.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** Well-formed UTF-16 (lone surrogates become U+FFFD), no control characters, `\n` line ends. */
function clean(text) {
    return text
        .toWellFormed()
        .replace(/\r\n?/g, '\n')
        .replace(CONTROL_CHARS, '')
        .replace(INVISIBLE_CONTROLS, '');
}
/**
 * Shortens to `max` characters (code points), marking the cut so nobody mistakes it for the whole.
 * Counts only as far as it keeps: a 60 MB description cut to 2,000 characters costs 2,000 steps.
 */
function truncate(text, max) {
    if (text.length <= max)
        return text;
    const keep = Math.max(0, max - 1);
    let end = 0;
    for (let count = 0; count < max; count++) {
        if (end >= text.length)
            return text;
        if (count === keep)
            break;
        end += isPairAt(text, end) ? 2 : 1;
    }
    // `max` code points or more: is there one more after the first `keep`?
    const next = end + (isPairAt(text, end) ? 2 : 1);
    return next >= text.length && max > 0 ? text : `${text.slice(0, end)}…`;
}
/** A surrogate pair (one code point in two code units) starts at `at`. */
function isPairAt(text, at) {
    const high = text.charCodeAt(at);
    const low = text.charCodeAt(at + 1);
    return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}
/**
 * The start of an untrusted text, long enough for `clean()` and then `truncate(…, max)` to keep
 * what they would keep of the whole (cleaning removes control characters and `\r`, so some slack),
 * with `…` after it when more was left out: escaping 60 MB to show 2,000 characters would cost
 * what it drops.
 */
function head(text, max) {
    const limit = 4 * max + 16;
    return text.length > limit ? `${text.slice(0, limit)}…` : text;
}
// Every ASCII character that CommonMark, GFM or GitHub's extensions ($ math, : emoji, @ mentions)
// could act on. A backslash before ASCII punctuation always means the character itself. The HTML
// specials (& < > " ') are not here: they become entities, and an entity must not be backslashed.
const MARKDOWN_SPECIALS = /[\\`*_{}[\]()#+\-.!|~=:@$]/g;
const HTML_SPECIALS = /[&<>"']/g;
const HTML_ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;'
};
/** Where a long unbroken string (a token, a URL) may wrap, so it cannot stretch a table off screen. */
const LONG_RUN = /\S{40,}/g;
const BREAK_MARK = '\ue000';
/**
 * Text inside Markdown (a paragraph or a table cell): every special character escaped, `<`/`>`/`&`
 * as entities so no tag or entity can form, line breaks as `<br>` so a table row stays one row.
 * `@` is followed by a zero-width space: GFM turns `name@host.tld` into a `mailto:` link even when
 * escaped, and GitHub notifies `@name` in a comment; the space breaks both and shows as nothing.
 */
function markdown(text, max = 2_000) {
    // Leading spaces would turn a line into an indented code block, showing the escapes literally.
    return truncate(clean(head(text, max))
        .replaceAll(BREAK_MARK, '')
        .replace(/^[ \t]+/gm, ''), max)
        .replace(LONG_RUN, run => run.replace(/(.{30})/gu, `$1${BREAK_MARK}`))
        .replace(MARKDOWN_SPECIALS, '\\$&')
        .replace(HTML_SPECIALS, c => HTML_ENTITIES[c])
        .replace(/\n/g, '<br>')
        .replaceAll('\\@', '\\@&#8203;')
        .replaceAll(BREAK_MARK, '<wbr>');
}
/**
 * Text inside HTML (a `<summary>`, an attribute): Markdown is not parsed there, so entities only.
 * Line breaks become spaces: a blank line would end the HTML block and let Markdown back in.
 */
function html(text, max = 2_000) {
    return truncate(clean(head(text, max)), max)
        .replace(/\s+/g, ' ')
        .replace(HTML_SPECIALS, c => HTML_ENTITIES[c]);
}
/**
 * Inside a line, only these can start Markdown: emphasis, code, links and images, autolinks (the
 * `:` of a scheme, the `@` of an address), strikethrough, math, table pipes. (`-`, `.`, `#`, `+`,
 * `=` matter only at the start of a line, where a code value never is.)
 */
const INLINE_SPECIALS = /[\\`*_{}[\]()!|~:@$]/g;
/**
 * A code-like value (an error code, an app ID) as `<code>`: Markdown code spans would show escapes
 * literally and end at a backtick. GFM still parses Markdown inside an HTML `<code>` (links,
 * images, autolinks, emphasis), so every character that could start it there is escaped (a
 * backslash escape shows as the character itself), on one line; `www.` is broken up so it cannot
 * become a link.
 */
function code(text, max = 200) {
    const line = truncate(clean(head(text, max)).replace(/\s+/g, ' ').trim(), max);
    const escaped = line
        .replace(INLINE_SPECIALS, '\\$&')
        .replace(/(www)\./gi, '$1\\.')
        .replace(HTML_SPECIALS, c => HTML_ENTITIES[c])
        .replaceAll('\\@', '\\@&#8203;');
    return `<code>${escaped}</code>`;
}
/**
 * The URL, normalised, if it is an absolute http(s) URL; null for anything else (`javascript:`,
 * `data:`, relative paths), which is then shown as text, never as a link or image.
 */
function httpUrl(text) {
    const trimmed = clean(text).trim();
    if (!/^https?:\/\//i.test(trimmed))
        return null;
    try {
        const url = new URL(trimmed);
        if (url.protocol !== 'http:' && url.protocol !== 'https:')
            return null;
        // The WHATWG serialisation percent-encodes spaces, quotes and angle brackets; encode what is
        // left that could end a Markdown link destination or an HTML attribute, or split a table cell
        // (GFM splits rows on `|` before it reads links).
        return url.href.replace(/[()'"<>|\s]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
    }
    catch {
        return null;
    }
}
/**
 * One line for the job log. The runner reads any line starting with `::` as a command, so text from
 * the API must never start a line: line breaks become spaces and the caller puts its own words first.
 */
function logText(text, max = 500) {
    return truncate(clean(head(text, max)).replace(/\s+/g, ' ').trim(), max);
}
/**
 * What XML 1.0 cannot hold at all, even as a character reference, beyond what `clean()` already
 * removes: the noncharacters U+FFFE and U+FFFF. (Lone surrogates become U+FFFD in `clean()`.)
 */
const NOT_XML = /[\ufffe\uffff]/g;
const XML_SPECIALS = /[&<>]/g;
const XML_ATTRIBUTE_SPECIALS = /[&<>"'\t\n]/g;
const XML_ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&apos;',
    '\t': '&#9;',
    '\n': '&#10;'
};
/**
 * Text inside an XML element (the JUnit file): well-formed XML 1.0 whatever the agent wrote.
 * Control characters go (XML 1.0 forbids most of them, even escaped), lone surrogates become
 * U+FFFD, `\r` becomes `\n`; `&`, `<` and `>` become entities, so `]]>` and markup are plain text.
 */
function xmlText(text) {
    return clean(text)
        .replace(NOT_XML, '\ufffd')
        .replace(XML_SPECIALS, c => XML_ENTITIES[c]);
}
/**
 * An XML attribute's value (between double quotes): as `xmlText`, and quotes, tabs and line
 * breaks as references, which a parser would otherwise turn into spaces.
 */
function xmlAttribute(text) {
    return clean(text)
        .replace(NOT_XML, '\ufffd')
        .replace(XML_ATTRIBUTE_SPECIALS, c => XML_ENTITIES[c]);
}


/***/ }),

/***/ 9305:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.r(__webpack_exports__);
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   ProxyAgent: () => (/* binding */ ProxyAgent),
/* harmony export */   fetch: () => (/* binding */ fetch),
/* harmony export */   loadUndici: () => (/* binding */ loadUndici)
/* harmony export */ });
let undici;
/** Loads undici ('undici/index.js': the bare name is mapped to this file). */
async function loadUndici() {
    undici ??= (await __nccwpck_require__.e(/* import() */ 752).then(__nccwpck_require__.t.bind(__nccwpck_require__, 4371, 19)));
}
function loaded() {
    if (!undici)
        throw new Error('undici was used before loadUndici(): make Octokit with loadOctokit()');
    return undici;
}
/** undici's ProxyAgent: `new ProxyAgent(options)` returns the real one, built by undici. */
const ProxyAgent = function ProxyAgent(...args) {
    return new (loaded().ProxyAgent)(...args);
};
/** undici's fetch, which @actions/github gives Octokit (with http-client's proxy dispatcher). */
const fetch = (...args) => loaded().fetch(...args);


/***/ }),

/***/ 9609:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   O1: () => (/* binding */ isUuid),
/* harmony export */   Qd: () => (/* binding */ isPlainObject),
/* harmony export */   _l: () => (/* binding */ pathInside),
/* harmony export */   b6: () => (/* binding */ textOf),
/* harmony export */   cW: () => (/* binding */ isLoopbackHost),
/* harmony export */   q$: () => (/* binding */ isHttpUrl),
/* harmony export */   tj: () => (/* binding */ uniqueRunIds)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
// The small checks every decoder of untrusted JSON and every parser of URLs, IDs and paths shares:
// one definition each, so "a plain object", "a string", "an http(s) URL" and "inside the
// workspace" mean the same everywhere.

/** An object that is neither null nor an array: what a JSON field holding `{...}` must be. */
const isPlainObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/** The value if it is a string, else '': a missing or mistyped field reads as empty text. */
const textOf = (value) => (typeof value === 'string' ? value : '');
/** An absolute http or https URL, as written (no surrounding spaces, nothing to normalise). */
function isHttpUrl(value) {
    if (value !== value.trim())
        return false;
    try {
        const { protocol } = new URL(value);
        return protocol === 'https:' || protocol === 'http:';
    }
    catch {
        return false;
    }
}
/** Loopback hosts may use plain http: local mocks and tests never leave the machine. */
function isLoopbackHost(hostname) {
    const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
/** Run, test, group, app and environment IDs: the one UUID check of the action. */
const isUuid = (value) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
/**
 * Run IDs as the action keeps them: lower-cased (the API's UUIDs are case-insensitive) and each
 * once, in the order first given, so a run is never polled, reported or cancelled twice.
 */
function uniqueRunIds(ids) {
    return [...new Set([...ids].map(id => id.toLowerCase()))];
}
/**
 * `path` relative to `dir` when it lies strictly inside it (`a/b.yml`), else null: the folder
 * itself, a parent, or anywhere else (`..` or another drive).
 */
function pathInside(dir, path) {
    const inside = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(dir, path);
    // `..` as a whole first segment leaves the folder; a name that starts with two dots does not.
    const leaves = inside === '..' || inside.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_0__.sep}`);
    return inside === '' || leaves || (0,node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute)(inside) ? null : inside;
}


/***/ }),

/***/ 4584:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ae: () => (/* binding */ reportedCounts),
/* harmony export */   E0: () => (/* binding */ verdictWord),
/* harmony export */   Kp: () => (/* binding */ addedWords),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   Ot: () => (/* binding */ nowrap),
/* harmony export */   mQ: () => (/* binding */ countsOf),
/* harmony export */   yi: () => (/* binding */ severityLabel),
/* harmony export */   zj: () => (/* binding */ runTotals)
/* harmony export */ });
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(182);
// The shared wording of findings and verdicts, so the summary, the comment, the annotations and the
// step's last line name things the same way. Pure.

const SEVERITY = {
    5: { mark: '🔴', word: 'Critical' },
    4: { mark: '🟠', word: 'High' },
    3: { mark: '🟡', word: 'Medium' },
    2: { mark: '🔵', word: 'Low' },
    1: { mark: '⚪', word: 'Minor' }
};
function severityLabel(severity) {
    const level = severity === null ? undefined : SEVERITY[severity];
    return level ? `${level.mark} ${level.word} (${severity})` : '❔ Unrated';
}
/** `1 issue`, `2 issues`; `words` for a plural that is not the word plus `s`. */
const plural = (n, word, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;
/** Keeps a short label on one line inside a narrow table column. */
const nowrap = (text) => text.replaceAll(' ', '\u00a0');
/** One run's verdict as a mark and a word: the summary's headline and overview rows. */
function verdictWord(run) {
    if (run.status !== 'completed')
        return { mark: '⚠️', word: 'did not complete' };
    if (!run.passed)
        return { mark: '❌', word: run.flaky ? 'failed (flaky)' : 'failed' };
    if (run.flaky)
        return { mark: '🔁', word: 'passed on a retry (flaky)' };
    if (run.result === 'SKIPPED')
        return { mark: '⏭️', word: 'skipped' };
    return { mark: '✅', word: 'passed' };
}
/**
 * What one run reported, waived findings included: the counts TesterArmy gave, which the outputs
 * keep whatever the waivers say.
 */
function reportedCounts(run) {
    const waivedWarnings = run.waived.filter(w => (0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .isWarning */ .V)(w.issue)).length;
    return {
        issues: run.issues.length + run.waived.length - waivedWarnings,
        warnings: run.warnings.length + waivedWarnings
    };
}
/** What several runs found between them, for the headline counts and the outputs. */
function runTotals(runs) {
    const total = { issues: 0, warnings: 0, waived: 0, steps: 0, failedSteps: 0, flaky: 0 };
    for (const r of runs) {
        const counts = reportedCounts(r);
        total.issues += counts.issues;
        total.warnings += counts.warnings;
        total.waived += r.waived.length;
        total.steps += r.stepsCount;
        total.failedSteps += r.failedStepsCount;
        if (r.flaky)
            total.flaky += 1;
    }
    return total;
}
/** `**3 issues** · **1 warning** · **12 steps**`: the counts line of the summary and the comment. */
function countsOf(totals) {
    return [
        `**${plural(totals.issues, 'issue')}**`,
        `**${plural(totals.warnings, 'warning')}**`,
        ...(totals.waived ? [`**${totals.waived} waived** (known issues)`] : []),
        `**${plural(totals.steps, 'step')}**`,
        ...(totals.flaky ? [`**${totals.flaky} flaky**`] : [])
    ];
}
/**
 * What an entry of the known issues that is not in the reviewed copy is called: added by the pull
 * request, or, with no pull request, not on the default branch.
 */
const addedWords = (against) => against === 'default-branch' ? 'not on the default branch' : 'added by this pull request';


/***/ }),

/***/ 182:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ isWarning)
/* harmony export */ });
// The shared vocabulary of the action: a run as the API describes it, how a wait ends, what the
// API's faults look like, and the report every view is rendered from. Types (and one predicate on
// them) only; every other module points inward to these.
/** `warning` is the only non-blocking type; anything else, unknown values included, is an issue. */
const isWarning = (issue) => issue.type === 'warning';


/***/ }),

/***/ 6670:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   Ho: () => (/* binding */ scrubText),
/* harmony export */   Kl: () => (/* binding */ scrubJson)
/* harmony export */ });
// Keeps the secrets (the API key, the GitHub token) out of everything the action writes: every
// string the API sends, once parsed and before any escaping can change how the key is spelled, in
// the spellings a server may echo it in (escaped, split, percent-encoded, base64). Pure.
/** What a secret becomes. */
const REDACTED = '***';
/**
 * What may stand between a secret's characters and still read as the secret: characters that
 * `clean()` and `markdown()` delete or that show as nothing, and whitespace (a server that wraps
 * or splits the key it echoes).
 */
const BETWEEN = '[\\s\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u00ad\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ue000\\ufeff]*';
const spellings = new Map();
/** Fewer bytes of a secret than this are not searched for in base64: too likely by chance. */
const MIN_ENCODED_BYTES = 9;
function spellingsOf(secret) {
    let found = spellings.get(secret);
    if (found)
        return found;
    const bytes = Buffer.from(secret, 'utf8');
    // The whole secret encoded alone first (padding and its last, partial group included).
    const alone = bytes.toString('base64');
    const literals = new Set([secret, alone, alone.replace(/=+$/, ''), bytes.toString('base64url')]);
    // Inside a longer base64 text the secret starts at any byte of a 3-byte group: from its first,
    // second or third byte on, whole groups encode the same characters wherever it sits.
    for (const shift of [0, 1, 2]) {
        const rest = bytes.subarray(shift);
        const whole = rest.subarray(0, rest.length - (rest.length % 3));
        if (whole.length < MIN_ENCODED_BYTES)
            continue;
        const base64 = whole.toString('base64');
        literals.add(base64);
        literals.add(base64.replaceAll('+', '-').replaceAll('/', '_'));
    }
    const chars = Array.from(secret, char => {
        const escaped = char.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
        const encoded = [...Buffer.from(char, 'utf8')]
            .map(byte => {
            const hex = byte.toString(16).toUpperCase().padStart(2, '0');
            return `%${[...hex].map(h => (/[A-F]/.test(h) ? `[${h}${h.toLowerCase()}]` : h)).join('')}`;
        })
            .join('');
        return `(?:${escaped}|${encoded})`;
    });
    const source = chars.join(BETWEEN);
    found = {
        // The longest first: a shorter spelling inside a longer one would leave the longer one's ends.
        literals: [...literals].sort((a, b) => b.length - a.length),
        loose: { any: new RegExp(source), all: new RegExp(source, 'g') }
    };
    spellings.set(secret, found);
    return found;
}
/** The text with every occurrence of each secret, in any of its spellings, replaced by `***`. */
function scrubText(text, secrets) {
    let out = text;
    for (const secret of secrets) {
        if (!secret)
            continue;
        const { literals, loose } = spellingsOf(secret);
        const found = (s) => literals.some(l => s.includes(l)) || loose.any.test(s);
        const replace = (s) => {
            let next = s;
            for (const literal of literals) {
                if (next.includes(literal))
                    next = next.split(literal).join(REDACTED);
            }
            return loose.any.test(next) ? next.replace(loose.all, REDACTED) : next;
        };
        // Once more until none is left: removing one occurrence can join two halves into another.
        // A secret no longer than `***` could loop forever; it is replaced once.
        if (!found(out))
            continue;
        out = replace(out);
        while (secret.length > REDACTED.length && found(out))
            out = replace(out);
    }
    return out;
}
/**
 * Scrubs every string of parsed JSON, property names included, in place, and returns the value
 * (a new string when the value itself is one). Walks with its own stack, so a body nested
 * thousands of levels deep cannot overflow the call stack.
 */
function scrubJson(value, secrets) {
    const active = secrets.filter(Boolean);
    if (active.length === 0)
        return value;
    if (typeof value === 'string')
        return scrubText(value, active);
    const stack = [value];
    while (stack.length > 0) {
        const node = stack.pop();
        if (Array.isArray(node)) {
            for (let i = 0; i < node.length; i++) {
                const item = node[i];
                if (typeof item === 'string')
                    node[i] = scrubText(item, active);
                else if (typeof item === 'object' && item !== null)
                    stack.push(item);
            }
        }
        else if (typeof node === 'object' && node !== null) {
            const record = node;
            for (const key of Object.keys(record)) {
                const item = record[key];
                const name = scrubText(key, active);
                if (name !== key) {
                    delete record[key];
                    record[name] = item;
                }
                if (typeof item === 'string')
                    record[name] = scrubText(item, active);
                else if (typeof item === 'object' && item !== null)
                    stack.push(item);
            }
        }
    }
    return value;
}
/**
 * The API key and GitHub token never leave this process: scrubbed from anything written, in case
 * some text echoed them (the client already scrubs API bodies; this is the last line).
 */
function redact(text, secrets) {
    return scrubText(text, [secrets.apiKey, secrets.githubToken]);
}


/***/ }),

/***/ 5648:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   HK: () => (/* binding */ checkUploadUrl),
/* harmony export */   NE: () => (/* binding */ classifyAppPath),
/* harmony export */   QS: () => (/* binding */ parseRemoveAfter),
/* harmony export */   ti: () => (/* binding */ ACCEPTED_DESCRIPTION),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7242);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(7607);
/* harmony import */ var _guards_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(9609);
// What an `app-path` may be, how long `app-remove-after` keeps the build, and where the build may
// be sent: the checks made before any request, as plain functions of their values.




/** The endings the API accepts; `.app.zip` and `.app.tar.gz` are covered by `.zip` and `.tar.gz`. */
const ACCEPTED_FILES = [
    { ending: '.apk', platform: 'android' },
    { ending: '.app.zip', platform: 'ios' },
    { ending: '.app.tar.gz', platform: 'ios' },
    { ending: '.zip', platform: null },
    { ending: '.tgz', platform: null }
];
const ACCEPTED_DESCRIPTION = 'an .apk, .zip, .app.zip, .tgz or .app.tar.gz file, or a .app folder';
/**
 * Builds a simulator or emulator cannot install, each with what to build instead: the step would
 * otherwise upload hundreds of megabytes for TesterArmy to refuse, or worse, run nothing.
 */
const REFUSED = {
    '.ipa': 'is an iOS device build (.ipa), which the iOS simulator cannot run: build for the simulator ' +
        '(xcodebuild -sdk iphonesimulator, or EAS with "ios": { "simulator": true }) and give the .app folder, or a .app.zip or .app.tar.gz of it',
    '.aab': 'is an Android App Bundle (.aab), which cannot be installed as it is: build an APK ' +
        '(./gradlew assembleRelease), or make a universal APK from the bundle with `bundletool build-apks --mode=universal`',
    '.apks': 'is a set of split APKs (.apks): give one universal APK instead, made with `bundletool build-apks --mode=universal` ' +
        '(the .apks file is a zip holding universal.apk)',
    '.xapk': 'is an XAPK (split APKs with extras): give one universal APK instead, made from the app bundle with `bundletool build-apks --mode=universal`'
};
/**
 * Checks a path by its name and whether it is a folder. The caller has already found that it
 * exists and is not empty; this decides whether it is a build TesterArmy can run.
 */
function classifyAppPath(path, isDirectory) {
    const name = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.basename)(path.replace(/[/\\]+$/, ''));
    const lower = name.toLowerCase();
    const quoted = JSON.stringify(path);
    if (isDirectory) {
        if (lower.endsWith('.app') && lower.length > 4) {
            return { ok: true, kind: 'app-folder', uploadName: `${name}.zip`, platform: 'ios' };
        }
        return {
            ok: false,
            message: `Input '${_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.AppPath}' is ${quoted}, a folder that is not a .app bundle: expected ${ACCEPTED_DESCRIPTION}.`
        };
    }
    const refused = Object.keys(REFUSED).find(ending => lower.endsWith(ending));
    if (refused) {
        return {
            ok: false,
            message: `Input '${_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.AppPath}' is ${quoted}, which ${REFUSED[refused]}.`
        };
    }
    const accepted = ACCEPTED_FILES.find(({ ending }) => lower.endsWith(ending));
    if (accepted && lower.length > accepted.ending.length) {
        return { ok: true, kind: 'file', uploadName: name, platform: accepted.platform };
    }
    return {
        ok: false,
        message: `Input '${_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.AppPath}' is ${quoted}, which is not a build TesterArmy can install: expected ${ACCEPTED_DESCRIPTION}.`
    };
}
/** What the API takes for `removeAfter`, in seconds: one minute to seven days. */
const REMOVE_AFTER_MIN_S = 60;
const REMOVE_AFTER_MAX_S = 7 * 24 * 60 * 60;
/**
 * `app-remove-after` as the seconds the API takes, or null for `never` (the build is kept).
 * Throws nothing: returns a message naming the input when the value is not accepted.
 */
function parseRemoveAfter(text) {
    const value = text.trim();
    if (value.toLowerCase() === 'never')
        return { seconds: null };
    const days = /^(\d+(?:\.\d+)?)\s*d$/i.exec(value);
    const ms = days ? Number(days[1]) * 86_400_000 : value ? (0,_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDuration */ .E)(value) : null;
    const seconds = ms === null ? null : Math.round(ms / 1000);
    if (seconds === null || seconds < REMOVE_AFTER_MIN_S || seconds > REMOVE_AFTER_MAX_S) {
        return {
            message: `Input '${_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.AppRemoveAfter}' is ${JSON.stringify(text)}, which is not accepted: expected how long ` +
                'TesterArmy keeps the uploaded build, from 1m to 7d (for example 30m, 24h, 7d), or never.'
        };
    }
    return { seconds };
}
/**
 * Where the build may be sent: https, or http to this machine. Returns why not, or null. The URL
 * itself is never quoted: its query is a signature that grants writing to the bucket.
 */
function checkUploadUrl(text) {
    let url;
    try {
        url = new URL(text);
    }
    catch {
        return 'the API gave an upload URL that is not a URL';
    }
    if (url.protocol === 'https:')
        return null;
    if (url.protocol === 'http:' && (0,_guards_js__WEBPACK_IMPORTED_MODULE_3__/* .isLoopbackHost */ .cW)(url.hostname))
        return null;
    return `the API gave an upload URL on ${url.protocol}//${url.host}, which is not https: the build was not sent over an unencrypted connection`;
}
/** `512 B`, `1.5 KiB`, `12.3 MiB`, `1.02 GiB`: sizes as people read them in a log. */
function formatBytes(bytes) {
    if (!Number.isFinite(bytes) || bytes < 0)
        return '–';
    if (bytes < 1024)
        return `${Math.round(bytes)} B`;
    const units = ['KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
    return `${value.toFixed(digits)} ${units[unit]}`;
}


/***/ }),

/***/ 9710:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ formatRate),
/* harmony export */   T: () => (/* binding */ UploadProgress)
/* harmony export */ });
/* harmony import */ var _app_path_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5648);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7607);
// The upload's log lines: the size first, a line per tenth at most every 15 s with the rate and
// the time left, then the total time and rate. Pure: it is told the bytes sent and the time.


const ProgressLimits = {
    /** A line per tenth of the file: enough to see it move, few enough to read. */
    stepFraction: 0.1,
    /** Fast uploads would print ten lines in a second; one every 15 s is what a person reads. */
    minIntervalMs: 15_000
};
function formatRate(bytes, ms) {
    return ms > 0 ? `${(0,_app_path_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)((bytes * 1000) / ms)}/s` : '–';
}
class UploadProgress {
    total;
    now;
    startedAt;
    lastLineAt;
    lastStep = 0;
    constructor(total, now) {
        this.total = total;
        this.now = now;
        this.startedAt = now();
        this.lastLineAt = this.startedAt;
    }
    /** A new attempt sends from the first byte again: the rate and the tenths count from now. */
    restart() {
        this.startedAt = this.now();
        this.lastLineAt = this.startedAt;
        this.lastStep = 0;
    }
    /** The line to log after `sent` bytes have gone, or null when it is too soon for another. */
    update(sent) {
        if (this.total <= 0 || sent >= this.total)
            return null;
        const step = Math.floor(sent / this.total / ProgressLimits.stepFraction);
        const at = this.now();
        if (step <= this.lastStep || at - this.lastLineAt < ProgressLimits.minIntervalMs)
            return null;
        this.lastStep = step;
        this.lastLineAt = at;
        const elapsed = at - this.startedAt;
        const percent = Math.floor((sent / this.total) * 100);
        const left = sent > 0 ? ((this.total - sent) * elapsed) / sent : Number.NaN;
        return (`${percent} % (${(0,_app_path_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(sent)} of ${(0,_app_path_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(this.total)}) at ${formatRate(sent, elapsed)}, ` +
            `about ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(left)} left`);
    }
    /** The last line: how long the whole file took, at what rate. */
    finish() {
        const elapsedMs = this.now() - this.startedAt;
        return {
            line: `Uploaded ${(0,_app_path_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(this.total)} in ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(elapsedMs)} (${formatRate(this.total, elapsedMs)}).`,
            elapsedMs
        };
    }
}


/***/ }),

/***/ 9416:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  QD: () => (/* binding */ STATUS_ORDER),
  bl: () => (/* binding */ aggregateResult),
  FK: () => (/* binding */ buildReport),
  Np: () => (/* binding */ bySeverity),
  $l: () => (/* binding */ ownVerdictFailed)
});

// EXTERNAL MODULE: ./src/labels.ts
var labels = __nccwpck_require__(4584);
;// CONCATENATED MODULE: ./src/verdict/gate.ts
// The verdict: does this run let the job pass, under `fail-on` and `min-severity`? Pure.

/** Unrated issues (no valid severity) reach every threshold: an unknown risk must not slip through. */
const reachesThreshold = (issue, minSeverity) => issue.severity === null || issue.severity >= minSeverity;
/**
 * `fail-on: never` is judged exactly like `failed`: the verdict is still reported (the `passed`
 * output, the summary); only the caller decides not to fail the step on it.
 */
function judge(run, policy) {
    const reasons = [];
    const notes = [];
    const atLeast = policy.minSeverity > 1 ? ` at severity ${policy.minSeverity} or above` : '';
    switch (run.status) {
        case 'completed':
            break;
        case 'failed':
            reasons.push('the run failed before it could finish testing');
            break;
        case 'cancelled':
            reasons.push('the run was cancelled');
            break;
        case 'timed_out':
            reasons.push('the run did not finish before the timeout');
            break;
        case 'not_found':
            reasons.push('the run was not found');
            break;
        case 'error':
            reasons.push('the run could not be checked');
            break;
    }
    if (run.status === 'completed') {
        if (run.result === '') {
            reasons.push('the run completed without a result');
        }
        else if (run.result === 'FAILED') {
            const waived = run.waivedIssues ?? 0;
            const blocking = run.issues.filter(i => reachesThreshold(i, policy.minSeverity));
            const known = waived > 0 ? ` (${waived} more waived by known-issues)` : '';
            if (run.issues.length === 0 && waived === 0) {
                // A FAILED result with nothing to show for it is not a known issue: it still fails.
                reasons.push('the run FAILED without reporting any issue');
            }
            else if (blocking.length > 0) {
                reasons.push(`the run FAILED with ${(0,labels/* plural */.LS)(blocking.length, 'issue')}${atLeast}${known}`);
            }
            else if (run.issues.length === 0) {
                notes.push(`the run FAILED, but ${waived === 1 ? 'its one issue is' : `all ${waived} of its issues are`} waived by known-issues`);
            }
            else {
                notes.push(`the run FAILED, but none of its ${(0,labels/* plural */.LS)(run.issues.length, waived > 0 ? 'other issue' : 'issue')} reaches min-severity ${policy.minSeverity}${known}`);
            }
        }
        if (policy.failOn === 'warnings') {
            const blocking = run.warnings.filter(w => reachesThreshold(w, policy.minSeverity));
            if (blocking.length > 0)
                reasons.push(`the run reported ${(0,labels/* plural */.LS)(blocking.length, 'warning')}${atLeast}`);
        }
    }
    return { passed: reasons.length === 0, reasons, notes };
}

// EXTERNAL MODULE: ./src/model.ts
var model = __nccwpck_require__(182);
// EXTERNAL MODULE: ./src/verdict/known-issues.ts
var known_issues = __nccwpck_require__(751);
;// CONCATENATED MODULE: ./src/verdict/retries.ts

/** A run that ended with a verdict of its own; a retry cut by the timeout or a cancel did not. */
const finished = (run) => run.status === 'completed' || run.status === 'failed';
/**
 * One run and its retries, as the report shows it. The verdict rests on the last attempt that
 * finished and counts (a retry cut short leaves the run with its earlier verdict); a run that
 * failed and then passed is flaky: it passes with a note under `on-flaky: pass`, and fails
 * under `fail`. Every attempt is kept, in order, for the summary, the outputs and the files.
 */
function withRetries(first, later, options) {
    const firstReport = options.describe(first);
    // Why retry-failed did not start it (again), or could not use what it started, in the run's own
    // notes; and each retry that was not the same test on the same platform and device.
    const retryNote = [
        ...(options.note ? [`retry-failed: ${options.note}`] : []),
        ...later.flatMap(a => a.notCounted
            ? [
                `retry-failed: run ${a.outcome.id} does not count, as it reports ${a.notCounted}; the verdict rests on the runs that do`
            ]
            : [])
    ];
    const notes = [...firstReport.notes, ...retryNote];
    if (later.length === 0)
        return { ...firstReport, notes };
    const attempts = [
        { ...firstReport, counts: true },
        ...later.map(a => ({
            ...options.describe(a.outcome),
            counts: a.counts,
            ...(a.notCounted ? { notCounted: a.notCounted } : {})
        }))
    ];
    const counted = attempts.filter(a => a.counts);
    const verdict = counted.filter(finished).at(-1) ?? attempts[0];
    const failedBefore = counted.filter(a => a !== verdict && finished(a) && !a.passed);
    const flaky = verdict.passed && failedBefore.length > 0;
    const run = { ...verdict, notes: [...verdict.notes], attempts, flaky };
    run.notes.push(...retryNote);
    const position = counted.indexOf(verdict) + 1;
    if (flaky) {
        const first = failedBefore[0];
        const story = `flaky: run ${first.id} failed (${first.reasons.join('; ')}), then run ${verdict.id} passed on attempt ${position} of ${counted.length}`;
        if (options.onFlaky === 'fail') {
            run.passed = false;
            run.reasons = [`the run is flaky: it failed, then passed on a retry (on-flaky: fail)`];
            run.notes.push(story);
        }
        else {
            run.notes.push(`${story}; on-flaky: pass lets it pass`);
        }
    }
    else if (!verdict.passed && counted.length > 1) {
        const failedAll = counted.filter(finished).length;
        run.notes.push(`failed ${(0,labels/* plural */.LS)(failedAll, 'attempt')} of ${counted.length}${failedAll < counted.length ? ' (the others did not finish in time)' : ''}`);
    }
    return run;
}

;// CONCATENATED MODULE: ./src/verdict/build-report.ts
// The facts of each run and of the whole wait, worked out once: the summary, outputs, annotations
// and report file are all views of this; and which runs the wait left unfinished. Pure.




/** Ordered from worst: the aggregate status of several runs is the worst of theirs. */
const STATUS_ORDER = [
    'error',
    'not_found',
    'timed_out',
    'failed',
    'cancelled',
    'completed'
];
const severityRank = (issue) => issue.severity ?? 6;
function bySeverity(a, b) {
    return severityRank(b) - severityRank(a);
}
function resultOf(run, status) {
    if (status !== 'completed' || !run?.output)
        return '';
    if (run.output.kind === 'planner_skipped')
        return 'SKIPPED';
    const result = run.output.result;
    return result === 'PASS' || result === 'FAILED' ? result : '';
}
/**
 * The finder of a step's waivers, its entries compiled once: retry-failed judges each run as it
 * finishes, and the report judges them all again at the end.
 */
const finders = new WeakMap();
function finderOf(waivers) {
    if (!waivers)
        return (0,known_issues/* waiverFinder */.fb)(null);
    let finder = finders.get(waivers);
    if (!finder)
        finders.set(waivers, (finder = (0,known_issues/* waiverFinder */.fb)(waivers)));
    return finder;
}
function describeRun(outcome, policy, waive) {
    const { run } = outcome;
    const output = run?.output ?? null;
    const test = output?.kind === 'test' ? output : null;
    const all = [...(test?.issues ?? [])].sort(bySeverity);
    const waived = waive(all, { featureName: test?.featureName ?? '', testId: run?.testId ?? null });
    const waivedIssues = new Set(waived.map(w => w.issue));
    const shown = all.filter(i => !waivedIssues.has(i));
    const issues = shown.filter(i => !(0,model/* isWarning */.V)(i));
    const warnings = shown.filter(model/* isWarning */.V);
    const steps = test?.steps ?? [];
    const result = resultOf(run, outcome.status);
    const verdict = judge({
        status: outcome.status,
        result,
        issues,
        warnings,
        waivedIssues: waived.filter(w => !(0,model/* isWarning */.V)(w.issue)).length
    }, policy);
    const description = test?.description ||
        (output?.kind === 'planner_skipped' ? output.reason : '') ||
        run?.error?.message ||
        '';
    return {
        id: outcome.id,
        status: outcome.status,
        result,
        passed: verdict.passed,
        reasons: verdict.reasons,
        notes: verdict.notes,
        issues,
        warnings,
        waived,
        // Every issue TesterArmy reported counts here, waived or not: the outputs keep them all.
        maxSeverity: all.reduce((max, i) => ((0,model/* isWarning */.V)(i) ? max : Math.max(max, i.severity ?? 0)), 0),
        stepsCount: steps.length,
        failedStepsCount: steps.filter(s => s.status === 'failed').length,
        durationMs: run?.durationMs ?? null,
        featureName: test?.featureName ?? '',
        description,
        run,
        body: outcome.body,
        lastStatus: outcome.lastStatus,
        error: outcome.error
    };
}
/**
 * A run's own verdict failed: the gate fails it, and its result is FAILED or its status `failed`.
 * A timeout, a cancel, a run not found or unreadable is not the run's verdict: `retry-failed`
 * never starts those again.
 */
function ownVerdictFailed(outcome, policy) {
    if (outcome.status !== 'completed' && outcome.status !== 'failed')
        return false;
    const run = describeRun(outcome, policy, finderOf(policy.waivers));
    return !run.passed && (run.status === 'failed' || run.result === 'FAILED');
}
function buildReport(outcomes, policy, extra = {}) {
    const waive = finderOf(policy.waivers);
    const describe = (o) => describeRun(o, policy, waive);
    const runs = outcomes.map(o => withRetries(o, extra.retried?.attempts.get(o.id) ?? [], {
        onFlaky: policy.onFlaky ?? 'pass',
        describe,
        ...(extra.retried?.notes.has(o.id) ? { note: extra.retried.notes.get(o.id) } : {})
    }));
    // No run at all (the start request failed): nothing completed, nothing passed.
    const worst = STATUS_ORDER.find(s => runs.some(r => r.status === s)) ?? (runs.length ? 'completed' : 'error');
    // After the runner cancels the step, that is what the step's status says, whatever the runs did,
    // and also when the cancel cut a lookup, upload or start short (the fatal line says which).
    // The step's timeout before any run was waited for (a GitHub lookup that never answered) is a
    // timeout, not an error: the fatal line says where it struck.
    const status = extra.cancelled
        ? 'cancelled'
        : extra.timedOut && runs.length === 0
            ? 'timed_out'
            : worst;
    const result = aggregateResult(runs);
    return {
        ...(policy.waivers ? { knownIssues: policy.waivers } : {}),
        // A wait the runner cancelled did not pass, whatever the runs had shown so far: its report
        // must not read as a pass (a matrix's gathering job trusts it).
        passed: runs.length > 0 && runs.every(r => r.passed) && !extra.fatal && !extra.cancelled,
        status,
        result,
        runs,
        fatal: extra.fatal ?? null,
        cancelled: extra.cancelled ?? false,
        flakyCount: runs.filter(r => r.flaky).length
    };
}
/**
 * The result of several runs (or legs): `FAILED` if any is, else empty if any did not complete,
 * else `PASS` if any passed, else `SKIPPED`; empty when there are none.
 */
function aggregateResult(items) {
    if (items.length === 0)
        return '';
    if (items.some(r => r.result === 'FAILED'))
        return 'FAILED';
    if (items.some(r => r.result === ''))
        return '';
    if (items.some(r => r.result === 'PASS'))
        return 'PASS';
    return 'SKIPPED';
}


/***/ }),

/***/ 751:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Y2: () => (/* binding */ settleEntries),
/* harmony export */   dA: () => (/* binding */ utcDay),
/* harmony export */   fb: () => (/* binding */ waiverFinder)
/* harmony export */ });
/* unused harmony export entryKey */
/* harmony import */ var _guards_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9609);
/* harmony import */ var _patterns_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1230);


/** `2026-12-07`: the UTC day of a time, as `until` is written. */
const utcDay = (time) => new Date(time).toISOString().slice(0, 10);
/**
 * What an entry's `test` is: a saved test's ID (a UUID) or a feature-name pattern. One reading for
 * matching and for comparing with the base's entries, so the two can never disagree.
 */
function testOf(test) {
    if (test === undefined)
        return null;
    return (0,_guards_js__WEBPACK_IMPORTED_MODULE_0__/* .isUuid */ .O1)(test.trim()) ? { id: test.trim().toLowerCase() } : { feature: (0,_patterns_js__WEBPACK_IMPORTED_MODULE_1__/* .namePattern */ ._u)(test) };
}
function compile(entry) {
    return {
        entry,
        name: entry.name === undefined ? null : (0,_patterns_js__WEBPACK_IMPORTED_MODULE_1__/* .namePattern */ ._u)(entry.name),
        page: entry.page === undefined ? null : (0,_patterns_js__WEBPACK_IMPORTED_MODULE_1__/* .pagePattern */ .i_)(entry.page),
        test: testOf(entry.test)
    };
}
/** Whether an entry's `test` is this run: its saved test's ID, or its feature name. */
function testMatches(test, run) {
    return 'id' in test
        ? run.testId?.toLowerCase() === test.id
        : (0,_patterns_js__WEBPACK_IMPORTED_MODULE_1__/* .nameMatches */ .F5)(test.feature, run.featureName);
}
function entryMatches(compiled, finding) {
    const { entry } = compiled;
    const { issue } = finding;
    // The same bug turning worse fails again; a finding of unknown severity is never waived by an
    // entry that bounds it.
    if (entry.maxSeverity !== undefined) {
        if (issue.severity === null || issue.severity > entry.maxSeverity)
            return false;
    }
    if (compiled.name && !(0,_patterns_js__WEBPACK_IMPORTED_MODULE_1__/* .normalizedNameMatches */ .oF)(compiled.name, finding.name))
        return false;
    if (compiled.page && !(0,_patterns_js__WEBPACK_IMPORTED_MODULE_1__/* .segmentsMatch */ .aK)(compiled.page, finding.page))
        return false;
    return true;
}
/**
 * Finds the entry that waives each finding: the first in the file that matches it and is in
 * force. Built once per step; `waive` is then called per run.
 */
function waiverFinder(knownIssues) {
    const inForce = (knownIssues?.entries ?? []).filter(e => !e.notInForce).map(compile);
    return (findings, run) => {
        if (inForce.length === 0)
            return [];
        // The entries that can apply to this run at all, so a test-specific entry costs nothing on
        // the other runs' findings.
        const forRun = inForce.filter(c => !c.test || testMatches(c.test, run));
        const waived = [];
        for (const issue of findings) {
            const finding = { issue, name: (0,_patterns_js__WEBPACK_IMPORTED_MODULE_1__/* .normalizeName */ .Pc)(issue.name), page: (0,_patterns_js__WEBPACK_IMPORTED_MODULE_1__/* .pageSegments */ .Cy)(issue.url) };
            const found = forRun.find(c => entryMatches(c, finding));
            if (found)
                waived.push({ issue, entry: found.entry });
        }
        return waived;
    };
}
/**
 * What makes two entries the same waiver: what it matches and for how long. Rewording a reason
 * or a ticket is not a new entry; widening a pattern, raising `max-severity` or moving `until`
 * is.
 */
function entryKey(entry) {
    const test = testOf(entry.test);
    return JSON.stringify([
        entry.name === undefined ? null : (0,_patterns_js__WEBPACK_IMPORTED_MODULE_1__/* .patternKey */ .Q5)((0,_patterns_js__WEBPACK_IMPORTED_MODULE_1__/* .namePattern */ ._u)(entry.name)),
        entry.page === undefined ? null : (0,_patterns_js__WEBPACK_IMPORTED_MODULE_1__/* .pageKey */ .Lt)((0,_patterns_js__WEBPACK_IMPORTED_MODULE_1__/* .pagePattern */ .i_)(entry.page)),
        test === null ? null : 'id' in test ? `id:${test.id}` : `feature:${(0,_patterns_js__WEBPACK_IMPORTED_MODULE_1__/* .patternKey */ .Q5)(test.feature)}`,
        entry.maxSeverity ?? null,
        entry.until ?? null
    ]);
}
/**
 * The workspace's entries with their origin and whether they are in force: compared with the
 * base's (null when there is none to compare with), on `today` (UTC), under `from`.
 */
function settleEntries(workspace, options) {
    const baseKeys = new Set((options.baseEntries ?? []).map(entryKey));
    return workspace.map(entry => {
        const origin = options.base.kind === 'read'
            ? baseKeys.has(entryKey(entry))
                ? 'base'
                : 'added'
            : options.base.kind === 'new-file'
                ? 'added'
                : options.base.kind === 'unverified'
                    ? 'unverified'
                    : 'no-pull-request';
        const expired = entry.until !== undefined && entry.until < options.today;
        // Under `base`, only what the base already had may waive: an entry the pull request adds, or
        // one that cannot be checked, fails closed.
        const notInBase = options.from === 'base' && (origin === 'added' || origin === 'unverified');
        return {
            ...entry,
            origin,
            ...('against' in options.base ? { comparedWith: options.base.against } : {}),
            ...(expired
                ? { notInForce: 'expired' }
                : notInBase
                    ? { notInForce: 'not-in-base' }
                    : {})
        };
    });
}


/***/ }),

/***/ 1230:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $o: () => (/* binding */ pagePatternProblem),
/* harmony export */   CR: () => (/* binding */ pageMatchesEverything),
/* harmony export */   Cy: () => (/* binding */ pageSegments),
/* harmony export */   F5: () => (/* binding */ nameMatches),
/* harmony export */   Lt: () => (/* binding */ pageKey),
/* harmony export */   Pc: () => (/* binding */ normalizeName),
/* harmony export */   Q5: () => (/* binding */ patternKey),
/* harmony export */   _u: () => (/* binding */ namePattern),
/* harmony export */   aK: () => (/* binding */ segmentsMatch),
/* harmony export */   i_: () => (/* binding */ pagePattern),
/* harmony export */   oF: () => (/* binding */ normalizedNameMatches),
/* harmony export */   rM: () => (/* binding */ matchesEverything)
/* harmony export */ });
/* unused harmony export pageMatches */
// How a known-issues entry recognises a finding: names compared the way people read them, `*`
// wildcards, and page globs on a URL's path. No regular expression is built from the file, and
// every match is a scan of the text: a pattern of any shape cannot hang the step. Pure.
/**
 * Runs of characters a name is compared without: whitespace, punctuation, symbols (emoji
 * included), invisible format characters and controls. An AI agent words the same bug "Checkout:
 * total is wrong" one day and "Checkout — total is wrong!" the next. Built at first use: V8 checks
 * a literal with Unicode classes as the module loads (millions of instructions in every cold
 * start, known issues or not).
 */
let ignored;
const IGNORED = () => (ignored ??= new RegExp('[\\p{P}\\p{S}\\p{Z}\\p{Cf}\\p{Cc}\\s]+', 'gu'));
/**
 * A name as it is compared: Unicode compatibility forms folded (full-width `Ｃｈｅｃｋ` is `check`),
 * lower case, without whitespace or punctuation. Applied until nothing changes (at most a few
 * rounds), because removing a character can bring a letter and a combining mark together that
 * compose the next time: the result is always a fixed point, so normalising twice changes nothing.
 */
function normalizeName(text) {
    let current = text.toWellFormed();
    for (let round = 0; round < 4; round++) {
        const next = current.normalize('NFKC').toLowerCase().normalize('NFKC').replace(IGNORED(), '');
        if (next === current)
            return next;
        current = next;
    }
    return current;
}
function namePattern(text) {
    return { pieces: text.split('*').map(normalizeName) };
}
/** The pattern as its normalised text, for comparing two entries (`*` kept). */
const patternKey = (pattern) => pattern.pieces.join('*');
/** True when the pattern has no letter or digit of its own: it would match every name. */
const matchesEverything = (pattern) => pattern.pieces.every(piece => piece === '');
/**
 * Whether `pieces` (literal text between `*`) match the whole of `text`. The leftmost place of
 * each piece in turn is the right one for `*`-only patterns, so this is one forward scan with
 * `indexOf`: no backtracking, whatever the pattern.
 */
function wildcardMatch(pieces, text) {
    if (pieces.length === 1)
        return text === pieces[0];
    const first = pieces[0];
    const last = pieces[pieces.length - 1];
    if (first.length + last.length > text.length)
        return false;
    if (!text.startsWith(first) || !text.endsWith(last))
        return false;
    const end = text.length - last.length;
    let position = first.length;
    for (let i = 1; i < pieces.length - 1; i++) {
        const piece = pieces[i];
        if (piece === '')
            continue;
        const at = text.indexOf(piece, position);
        if (at < 0 || at + piece.length > end)
            return false;
        position = at + piece.length;
    }
    return true;
}
/** Whether a finding's name (or a run's feature name) matches a name pattern. */
function nameMatches(pattern, name) {
    return normalizedNameMatches(pattern, normalizeName(name));
}
/** As nameMatches, for a name normalised once and compared with many entries. */
const normalizedNameMatches = (pattern, normalized) => wildcardMatch(pattern.pieces, normalized);
/** Why a page pattern is refused, or null. The caller names the file and line. */
function pagePatternProblem(text) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) || text.startsWith('//')) {
        return `page ${JSON.stringify(text)} names a host: page is a path glob such as /checkout/*, and the host is ignored (preview hosts change on every pull request)`;
    }
    if (/[?#]/.test(text)) {
        return `page ${JSON.stringify(text)} has a query or fragment: page is matched against the URL's path only, such as /checkout/*`;
    }
    if (!text.startsWith('/')) {
        return `page ${JSON.stringify(text)} does not start with /: expected a path glob such as /checkout/*`;
    }
    return null;
}
/** Path segments, decoded where the text is valid percent-encoding; no trailing empty segment. */
function segmentsOf(path) {
    const trimmed = path.replace(/\/+$/, '');
    return trimmed
        .split('/')
        .slice(1)
        .map(segment => {
        try {
            return decodeURIComponent(segment);
        }
        catch {
            return segment;
        }
    });
}
function pagePattern(text) {
    return { segments: segmentsOf(text) };
}
/**
 * The pattern's decoded segments, for comparing two entries. As a list, not joined again: `%2F`
 * decodes to a slash inside one segment, and `/docs%2F**` must not compare equal to `/docs/**`.
 */
const pageKey = (pattern) => JSON.stringify(pattern.segments);
/**
 * True when the pattern has no literal character, only `*` and `**` segments (`/**`, `/**\/*`,
 * `/*\/**`): alone, it would match every page, or every page but a few.
 */
const pageMatchesEverything = (pattern) => pattern.segments.length > 0 && pattern.segments.every(s => /^\*+$/.test(s));
/** Whether one path segment matches one segment of the pattern (`*` within it). */
const segmentMatches = (pattern, segment) => wildcardMatch(pattern.split('*'), segment);
/** Whether `block` matches `segments` starting exactly at `at`. */
function blockAt(block, segments, at) {
    if (at + block.length > segments.length)
        return false;
    return block.every((pattern, i) => segmentMatches(pattern, segments[at + i]));
}
/**
 * Whether a URL's path (the host, query and fragment ignored) matches a page pattern. `**` splits
 * the pattern into blocks of segments that must appear in order, the first at the start and the
 * last at the end: the same leftmost scan as names, one segment at a time.
 */
function pageMatches(pattern, url) {
    return segmentsMatch(pattern, pageSegments(url));
}
/** A finding's page as path segments, once for many entries; null when it has no readable URL. */
function pageSegments(url) {
    const path = pathOf(url);
    return path === null ? null : segmentsOf(path);
}
/** As pageMatches, for a page split once (pageSegments) and compared with many entries. */
function segmentsMatch(pattern, segments) {
    if (segments === null)
        return false;
    const blocks = [[]];
    for (const segment of pattern.segments) {
        if (segment === '**')
            blocks.push([]);
        else
            blocks[blocks.length - 1].push(segment);
    }
    if (blocks.length === 1) {
        const only = blocks[0];
        return only.length === segments.length && blockAt(only, segments, 0);
    }
    const first = blocks[0];
    const last = blocks[blocks.length - 1];
    if (first.length + last.length > segments.length)
        return false;
    if (!blockAt(first, segments, 0) || !blockAt(last, segments, segments.length - last.length))
        return false;
    const end = segments.length - last.length;
    let position = first.length;
    for (let b = 1; b < blocks.length - 1; b++) {
        const block = blocks[b];
        if (block.length === 0)
            continue;
        let at = position;
        while (at + block.length <= end && !blockAt(block, segments, at))
            at++;
        if (at + block.length > end)
            return false;
        position = at + block.length;
    }
    return true;
}
/** The path of a finding's page: from an absolute URL, or a path as given; null when neither. */
function pathOf(url) {
    const text = url.trim();
    if (!text)
        return null;
    try {
        return new URL(text, 'http://page.invalid').pathname;
    }
    catch {
        return null;
    }
}


/***/ }),

/***/ 5940:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  q: () => (/* binding */ pollRuns)
});

// EXTERNAL MODULE: ./src/constants.ts
var constants = __nccwpck_require__(7242);
// EXTERNAL MODULE: ./src/guards.ts
var guards = __nccwpck_require__(9609);
// EXTERNAL MODULE: ./src/api/retry-policy.ts
var retry_policy = __nccwpck_require__(1101);
;// CONCATENATED MODULE: ./src/wait/run-watch.ts



class RunWatch {
    id;
    offset;
    context;
    outcome;
    retry = (0,retry_policy/* initialRetryState */.cd)();
    warned = new Set();
    project = null;
    settle;
    settled = false;
    /** Resolves once, with how the wait for this run ended. */
    done;
    reader = 'alone';
    /** Ends the sleep of the run's own loop when the list takes the run over. */
    wakeup = new AbortController();
    /** A request about this run is in flight: no one else may take the run over meanwhile. */
    reading = false;
    /** When the last answer about the run came (its project's list or its own GET); null before any. */
    answeredAt = null;
    /** Not read by ID before this time (a fault's backoff), when the list reads it. */
    retryAt = 0;
    constructor(id, 
    /** This run's place in the spread of one interval (ms), kept when it resumes after a rate limit. */
    offset, context) {
        this.id = id;
        this.offset = offset;
        this.context = context;
        this.outcome = {
            id,
            status: 'timed_out',
            run: null,
            body: null,
            lastStatus: null,
            error: null,
            cancelledByUser: false
        };
        this.done = new Promise(resolve => (this.settle = resolve));
    }
    get finished() {
        return this.settled;
    }
    /** An answer has described the run (its project, if it has one, is then known). */
    get seen() {
        return this.outcome.run !== null;
    }
    /** The run's project, lower-cased, once an answer has said it (a list item may leave it out). */
    get projectId() {
        return this.project;
    }
    /** The run's own loop reads it from now on: the signal ends that loop's sleep if the list takes over. */
    readAlone() {
        this.reader = 'alone';
        this.wakeup = new AbortController();
        return this.wakeup.signal;
    }
    /** Its project's run list reads it from now on; its own loop, asleep or at its turn, ends. */
    readByList() {
        this.reader = 'list';
        this.wakeup.abort();
    }
    /** An answer about this run; logs what changed and says what comes next. */
    take(response) {
        const { clock, log, pollIntervalMs, deadline, start, random } = this.context;
        const now = clock.now();
        this.answeredAt = now;
        const [decision, next] = (0,retry_policy/* decide */.LD)(response, this.retry, { now, pollIntervalMs, random });
        this.retry = next;
        const outcome = this.outcome;
        if (response.kind === 'run') {
            const { run } = response;
            // Only a UUID (what the API's projects are) is ever sent back in a list request.
            if (run.projectId !== null && (0,guards/* isUuid */.O1)(run.projectId))
                this.project = run.projectId.toLowerCase();
            if (run.status !== outcome.lastStatus)
                log.statusChange(this.id, outcome.lastStatus, run.status, now - start);
            Object.assign(outcome, { run, body: response.body, lastStatus: run.status, error: null });
            if (constants/* TERMINAL_STATUSES */.CM.includes(run.status)) {
                return this.end({ ...outcome, status: run.status });
            }
            if (!constants/* WAITING_STATUSES */.h1.includes(run.status) && !this.warned.has(run.status)) {
                this.warned.add(run.status);
                log.unknownStatus(this.id, run.status);
            }
        }
        switch (decision.action) {
            case 'poll':
                return { kind: 'again', delayMs: decision.delayMs, throttle: false };
            case 'retry':
                outcome.error = decision.message;
                // No "trying again" when the deadline comes first: the wait simply ends there.
                if (now + decision.delayMs < deadline)
                    log.retry(this.id, decision.message, decision.delayMs);
                return { kind: 'again', delayMs: decision.delayMs, throttle: decision.throttle };
            case 'not-found':
                return this.end({ ...outcome, status: 'not_found', error: decision.message });
            case 'give-up':
                return this.end({ ...outcome, status: 'error', error: decision.message });
            case 'fatal':
                outcome.error = decision.message;
                return { kind: 'fatal', message: decision.message };
        }
    }
    /** A fault of the list that read this run: the reason shown if the wait then times out. */
    fault(message) {
        this.outcome.error = message;
    }
    /**
     * A request cut short by the deadline says nothing new about the API: the last real error stays.
     * With none at all (the API never answered), the cut-off request is the reason.
     */
    cutOff(message) {
        if (this.outcome.run === null)
            this.outcome.error ??= message;
    }
    /** The wait ended before the run did: say why, in the order that explains it best. */
    stop(fatal, cancelled) {
        const outcome = this.outcome;
        if (fatal !== null)
            this.end({ ...outcome, status: 'error', error: outcome.error ?? fatal });
        else if (cancelled)
            this.end({ ...outcome, status: 'cancelled', cancelledByUser: true });
        else
            this.end({ ...outcome, status: 'timed_out' });
    }
    end(outcome) {
        if (!this.settled) {
            this.settled = true;
            this.outcome = outcome;
            this.settle(outcome);
        }
        return { kind: 'done' };
    }
}

;// CONCATENATED MODULE: ./src/wait/poller.ts



async function pollRuns(options) {
    const { api, clock, log, pollIntervalMs, deadline, signal } = options;
    // One wait per run: IDs that differ only in case name the same run.
    const runIds = (0,guards/* uniqueRunIds */.tj)(options.runIds);
    const random = options.random ?? Math.random;
    const requestTimeoutMs = options.requestTimeoutMs ?? constants/* Limits */.xu.requestTimeoutMs;
    const start = clock.now();
    // Ends every wait and request at once: on the caller's abort, or when one run hits a fatal error.
    const stop = new AbortController();
    const onAbort = () => stop.abort();
    if (signal?.aborted)
        stop.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    let fatal = null;
    // After a 429 every request holds off until then: the rate limit is per key, not per run.
    let throttleUntil = 0;
    // A loop that throws (a bug) ends the whole wait with that error, instead of a wait that hangs.
    let crash = () => undefined;
    const crashed = new Promise((_, reject) => (crash = reject));
    const spawn = (task) => void task.catch((error) => {
        stop.abort();
        crash(error);
    });
    /** Sleeps until `time` (capped at the deadline); false when the wait must end instead. */
    const waitUntil = async (time, wake) => {
        const target = Math.min(time, deadline);
        const ms = target - clock.now();
        if (ms > 0)
            await clock.sleep(ms, wake ? AbortSignal.any([stop.signal, wake]) : stop.signal);
        return !stop.signal.aborted && clock.now() < deadline;
    };
    const requestOptions = () => ({
        signal: stop.signal,
        timeoutMs: Math.min(requestTimeoutMs, Math.max(1, deadline - clock.now()))
    });
    const context = { clock, log, pollIntervalMs, deadline, start, random };
    // Spread the runs over one interval so N runs never send N requests in the same instant; over
    // half the time left when the timeout is shorter, so every run is checked at least once.
    const spread = Math.min(pollIntervalMs, Math.max(0, deadline - start) / 2);
    const watches = runIds.map((id, index) => new RunWatch(id, Math.floor((index * spread) / runIds.length), context));
    const ending = () => ({ fatal, cancelled: signal?.aborted === true });
    const listRuns = api.listRuns?.bind(api);
    // Several runs: those of one project can be read through its list (its code loaded only then).
    // One run is always read by ID.
    const lists = listRuns && watches.length > 1
        ? new (await __nccwpck_require__.e(/* import() */ 357).then(__nccwpck_require__.bind(__nccwpck_require__, 6357))).ProjectLists({
            ...context,
            api,
            listRuns,
            waitUntil: time => waitUntil(throttleUntil > clock.now() ? Math.max(time, throttleUntil) : time),
            requestOptions,
            throttle: until => (throttleUntil = Math.max(throttleUntil, until)),
            fatal: message => {
                fatal ??= message;
                stop.abort();
            },
            ending,
            readAlone: (watch, at) => spawn(follow(watch, at)),
            spawn
        }, watches)
        : null;
    /** One run read by its own GETs, the first at `first`, until it ends or its list takes it over. */
    const follow = async (watch, first) => {
        const wake = watch.readAlone();
        let next = first;
        for (;;) {
            // Wait for this run's turn, and again if a request hit a rate limit meanwhile (the rate
            // limit is per key). The offset keeps the runs from resuming in one burst.
            const turn = () => throttleUntil > clock.now() ? Math.max(next, throttleUntil + watch.offset) : next;
            let waited = true;
            while (waited && watch.reader === 'alone' && turn() > clock.now())
                waited = await waitUntil(turn(), wake);
            if (watch.reader !== 'alone')
                return;
            if (!waited || stop.signal.aborted || clock.now() >= deadline)
                break;
            if (lists?.claim(watch))
                return;
            watch.reading = true;
            const response = await api.getRun(watch.id, requestOptions());
            watch.reading = false;
            if (response.kind === 'aborted')
                break;
            if (response.kind === 'network-error' && response.timedOut && clock.now() >= deadline) {
                watch.cutOff(response.message);
                break;
            }
            const step = watch.take(response);
            if (step.kind === 'done')
                return;
            if (step.kind === 'fatal') {
                fatal ??= step.message;
                stop.abort();
                break;
            }
            next = clock.now() + step.delayMs;
            if (step.throttle)
                throttleUntil = Math.max(throttleUntil, next);
        }
        const ended = ending();
        watch.stop(ended.fatal, ended.cancelled);
    };
    try {
        for (const watch of watches)
            spawn(follow(watch, start + watch.offset));
        const outcomes = await Promise.race([Promise.all(watches.map(w => w.done)), crashed]);
        return { outcomes, fatal };
    }
    finally {
        // Every run has ended: a loop still asleep (a list between two rounds) ends now too.
        stop.abort();
        signal?.removeEventListener('abort', onAbort);
    }
}


/***/ }),

/***/ 6695:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Iy: () => (/* binding */ logNoTimeLeft),
/* harmony export */   Ng: () => (/* binding */ startWaitGroup),
/* harmony export */   V3: () => (/* binding */ logBatchCancelAnswer),
/* harmony export */   eV: () => (/* binding */ pollLog),
/* harmony export */   f4: () => (/* binding */ logCancelling),
/* harmony export */   xE: () => (/* binding */ logCancelAnswer)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6288);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7607);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(2988);
// The log lines of the wait and of the cancels after it: what a user reads live while runs are
// polled and stopped, worded once. API text is cut and cleaned through escape.ts first.



/** Opens the log group of the wait with what, how often, for how long and where. */
function startWaitGroup(runIds, settings) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .startGroup */ .Oh(`Waiting for ${runIds.length === 1 ? `TesterArmy run ${runIds[0]}` : `${runIds.length} TesterArmy runs`}`);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Checking every ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(settings.pollIntervalMs)} for up to ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(settings.timeoutMs)} at ${settings.apiUrl}.`);
}
const pollLog = {
    statusChange: (id, from, to, elapsedMs) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(from
        ? `Run ${id}: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .logText */ .kc)(from, 40)} -> ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .logText */ .kc)(to, 40)} after ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(elapsedMs)}`
        : `Run ${id}: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .logText */ .kc)(to, 40)}`),
    unknownStatus: (id, status) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Run ${id} reports status "${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .logText */ .kc)(status, 40)}", which this action does not know; still waiting.`),
    retry: (id, message, delayMs) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Run ${id}: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .logText */ .kc)(message, 300)}; trying again in ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(delayMs)}.`),
    listFollow: (projectId, runs) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(`Reading ${runs} runs of project ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .logText */ .kc)(projectId, 60)} through GET /v1/runs?projectId=.`),
    listRetry: (projectId, runs, message, delayMs) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`The run list of project ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .logText */ .kc)(projectId, 60)} failed (${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .logText */ .kc)(message, 300)}): its ${runs} runs are read by ID meanwhile; the list is asked again in ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(delayMs)}.`),
    // Debug only: nothing changes for the user but the number of requests.
    listFallback: reason => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(`Reading every run by ID from now on: the run list was refused (${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .logText */ .kc)(reason, 300)}).`)
};
/** Why runs are being cancelled, and how many, before the cancel requests go out. */
function logCancelling(cancelled, count) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${cancelled ? 'Cancelled' : 'Timed out'}: asking TesterArmy to cancel ${count} unfinished run(s).`);
}
/** The batch cancel used the whole budget: the runs it did not cover are left to the dashboard. */
function logNoTimeLeft(count) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`No time left to cancel ${count} run(s) one by one after the batch cancel: check them in the TesterArmy dashboard.`);
}
/** The answer to one cancel request, as a line. */
function logCancelAnswer(id, answer) {
    if (answer.kind === 'cancelled')
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Run ${id}: cancelled.`);
    else if (answer.kind === 'http-error' && answer.status === 409)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Run ${id}: already finished.`);
    else
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Run ${id}: could not be cancelled (${answer.kind === 'aborted' ? 'aborted' : (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .logText */ .kc)(answer.message, 200)}).`);
}
/** The answer to a group's batch cancel, as a line. */
function logBatchCancelAnswer(batchId, answer) {
    if (answer.kind === 'cancelled') {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Batch ${batchId}: cancelled (${answer.covered.length} run(s) cancelled or already finished).`);
    }
    else {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Batch ${batchId}: could not be cancelled as a whole (${answer.kind === 'aborted' ? 'aborted' : (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .logText */ .kc)(answer.message, 200)}); cancelling its runs one by one.`);
    }
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 3106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ }),

/***/ 6288:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Yz: () => (/* binding */ core_debug),
  N4: () => (/* binding */ endGroup),
  z3: () => (/* binding */ error),
  V4: () => (/* binding */ getInput),
  pq: () => (/* binding */ info),
  lm: () => (/* binding */ notice),
  C1: () => (/* binding */ setFailed),
  uH: () => (/* binding */ setOutput),
  Pq: () => (/* binding */ core_setSecret),
  Oh: () => (/* binding */ startGroup),
  $e: () => (/* binding */ warning)
});

// UNUSED EXPORTS: ExitCode, addPath, exportVariable, getBooleanInput, getIDToken, getMultilineInput, getState, group, isDebug, markdownSummary, platform, saveState, setCommandEcho, summary, toPlatformPath, toPosixPath, toWin32Path

// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(857);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function utils_toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function command_issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_.EOL);
}
function command_issue(name, message = '') {
    command_issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
// EXTERNAL MODULE: external "crypto"
var external_crypto_ = __nccwpck_require__(6982);
// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(9896);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function file_command_issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_.appendFileSync(filePath, `${utils_toCommandValue(message)}${external_os_.EOL}`, {
        encoding: 'utf8'
    });
}
function file_command_prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_.randomUUID()}`;
    const convertedValue = utils_toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_.EOL}${convertedValue}${external_os_.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
// EXTERNAL MODULE: external "path"
var external_path_ = __nccwpck_require__(6928);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __nccwpck_require__(4942);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/auth.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
class BasicCredentialHandler {
    constructor(username, password) {
        this.username = username;
        this.password = password;
    }
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`${this.username}:${this.password}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return __awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class auth_BearerCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Bearer ${this.token}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return __awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class PersonalAccessTokenCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`PAT:${this.token}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return __awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
//# sourceMappingURL=auth.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/oidc-utils.js
var oidc_utils_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



class oidc_utils_OidcClient {
    static createHttpClient(allowRetry = true, maxRetry = 10) {
        const requestOptions = {
            allowRetries: allowRetry,
            maxRetries: maxRetry
        };
        return new HttpClient('actions/oidc-client', [new BearerCredentialHandler(oidc_utils_OidcClient.getRequestToken())], requestOptions);
    }
    static getRequestToken() {
        const token = process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
        if (!token) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable');
        }
        return token;
    }
    static getIDTokenUrl() {
        const runtimeUrl = process.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
        if (!runtimeUrl) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
        }
        return runtimeUrl;
    }
    static getCall(id_token_url) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            var _a;
            const httpclient = oidc_utils_OidcClient.createHttpClient();
            const res = yield httpclient
                .getJson(id_token_url)
                .catch(error => {
                throw new Error(`Failed to get ID Token. \n 
        Error Code : ${error.statusCode}\n 
        Error Message: ${error.message}`);
            });
            const id_token = (_a = res.result) === null || _a === void 0 ? void 0 : _a.value;
            if (!id_token) {
                throw new Error('Response json body do not have ID Token field');
            }
            return id_token;
        });
    }
    static getIDToken(audience) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            try {
                // New ID Token is requested from action service
                let id_token_url = oidc_utils_OidcClient.getIDTokenUrl();
                if (audience) {
                    const encodedAudience = encodeURIComponent(audience);
                    id_token_url = `${id_token_url}&audience=${encodedAudience}`;
                }
                debug(`ID token url is ${id_token_url}`);
                const id_token = yield oidc_utils_OidcClient.getCall(id_token_url);
                setSecret(id_token);
                return id_token;
            }
            catch (error) {
                throw new Error(`Error message: ${error.message}`);
            }
        });
    }
}
//# sourceMappingURL=oidc-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var summary_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return summary_awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_.constants.R_OK | external_fs_.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return summary_awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return summary_awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = (/* unused pure expression or super */ null && (_summary));
const summary = (/* unused pure expression or super */ null && (_summary));
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/path-utils.js

/**
 * toPosixPath converts the given path to the posix form. On Windows, \\ will be
 * replaced with /.
 *
 * @param pth. Path to transform.
 * @return string Posix path.
 */
function toPosixPath(pth) {
    return pth.replace(/[\\]/g, '/');
}
/**
 * toWin32Path converts the given path to the win32 form. On Linux, / will be
 * replaced with \\.
 *
 * @param pth. Path to transform.
 * @return string Win32 path.
 */
function toWin32Path(pth) {
    return pth.replace(/[/]/g, '\\');
}
/**
 * toPlatformPath converts the given path to a platform-specific path. It does
 * this by replacing instances of / and \ with the platform-specific path
 * separator.
 *
 * @param pth The path to platformize.
 * @return string The platform-specific path.
 */
function toPlatformPath(pth) {
    return pth.replace(/[/\\]/g, path.sep);
}
//# sourceMappingURL=path-utils.js.map
// EXTERNAL MODULE: external "string_decoder"
var external_string_decoder_ = __nccwpck_require__(3193);
// EXTERNAL MODULE: external "events"
var external_events_ = __nccwpck_require__(4434);
;// CONCATENATED MODULE: external "child_process"
const external_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");
// EXTERNAL MODULE: external "assert"
var external_assert_ = __nccwpck_require__(2613);
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io-util.js
var io_util_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { chmod, copyFile, lstat, mkdir, open: io_util_open, readdir, rename, rm, rmdir, stat, symlink, unlink } = external_fs_.promises;
// export const {open} = 'fs'
const IS_WINDOWS = process.platform === 'win32';
/**
 * Custom implementation of readlink to ensure Windows junctions
 * maintain trailing backslash for backward compatibility with Node.js < 24
 *
 * In Node.js 20, Windows junctions (directory symlinks) always returned paths
 * with trailing backslashes. Node.js 24 removed this behavior, which breaks
 * code that relied on this format for path operations.
 *
 * This implementation restores the Node 20 behavior by adding a trailing
 * backslash to all junction results on Windows.
 */
function readlink(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        const result = yield fs.promises.readlink(fsPath);
        // On Windows, restore Node 20 behavior: add trailing backslash to all results
        // since junctions on Windows are always directory links
        if (IS_WINDOWS && !result.endsWith('\\')) {
            return `${result}\\`;
        }
        return result;
    });
}
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
const UV_FS_O_EXLOCK = 0x10000000;
const READONLY = external_fs_.constants.O_RDONLY;
function exists(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
function isDirectory(fsPath_1) {
    return io_util_awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
        const stats = useStat ? yield stat(fsPath) : yield lstat(fsPath);
        return stats.isDirectory();
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = external_path_.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = external_path_.dirname(filePath);
                        const upperName = external_path_.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = external_path_.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
//# sourceMappingURL=io-util.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io.js
var io_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield ioUtil.exists(dest)) ? yield ioUtil.stat(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path.join(dest, path.basename(source))
            : dest;
        if (!(yield ioUtil.exists(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield ioUtil.stat(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield io_copyFile(source, newDest, force);
        }
    });
}
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        if (yield ioUtil.exists(dest)) {
            let destExists = true;
            if (yield ioUtil.isDirectory(dest)) {
                // If dest is directory copy src into dest
                dest = path.join(dest, path.basename(source));
                destExists = yield ioUtil.exists(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(path.dirname(dest));
        yield ioUtil.rename(source, dest);
    });
}
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (ioUtil.IS_WINDOWS) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield ioUtil.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        ok(fsPath, 'a path argument must be provided');
        yield ioUtil.mkdir(fsPath, { recursive: true });
    });
}
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (IS_WINDOWS) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (IS_WINDOWS && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(external_path_.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (isRooted(tool)) {
            const filePath = yield tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(external_path_.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(external_path_.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield tryGetExecutablePath(external_path_.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield ioUtil.readdir(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield ioUtil.lstat(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield io_copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield ioUtil.chmod(destDir, (yield ioUtil.stat(sourceDir)).mode);
    });
}
// Buffered file copy
function io_copyFile(srcFile, destFile, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        if ((yield ioUtil.lstat(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield ioUtil.lstat(destFile);
                yield ioUtil.unlink(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield ioUtil.chmod(destFile, '0666');
                    yield ioUtil.unlink(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield ioUtil.readlink(srcFile);
            yield ioUtil.symlink(symlinkFull, destFile, ioUtil.IS_WINDOWS ? 'junction' : null);
        }
        else if (!(yield ioUtil.exists(destFile)) || force) {
            yield ioUtil.copyFile(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map
;// CONCATENATED MODULE: external "timers"
const external_timers_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/toolrunner.js
var toolrunner_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};







/* eslint-disable @typescript-eslint/unbound-method */
const toolrunner_IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends external_events_.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (toolrunner_IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(external_os_.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + external_os_.EOL.length);
                n = s.indexOf(external_os_.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return toolrunner_awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (toolrunner_IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = external_path_.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield which(this.toolPath, true);
            return new Promise((resolve, reject) => toolrunner_awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + external_os_.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield exists(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = external_child_process_namespaceObject.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends external_events_.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = (0,external_timers_namespaceObject.setTimeout)(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}
//# sourceMappingURL=toolrunner.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/exec.js
var exec_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec_exec(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        const commandArgs = tr.argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new tr.ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new StringDecoder('utf8');
        const stderrDecoder = new StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec_exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}
//# sourceMappingURL=exec.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/platform.js
var platform_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const getWindowsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout: version } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', undefined, {
        silent: true
    });
    const { stdout: name } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', undefined, {
        silent: true
    });
    return {
        name: name.trim(),
        version: version.trim()
    };
});
const getMacOsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    var _a, _b, _c, _d;
    const { stdout } = yield exec.getExecOutput('sw_vers', undefined, {
        silent: true
    });
    const version = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : '';
    const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : '';
    return {
        name,
        version
    };
});
const getLinuxInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout } = yield exec.getExecOutput('lsb_release', ['-i', '-r', '-s'], {
        silent: true
    });
    const [name, version] = stdout.trim().split('\n');
    return {
        name,
        version
    };
});
const platform = external_os_.platform();
const arch = external_os_.arch();
const isWindows = platform === 'win32';
const isMacOS = platform === 'darwin';
const isLinux = platform === 'linux';
function getDetails() {
    return platform_awaiter(this, void 0, void 0, function* () {
        return Object.assign(Object.assign({}, (yield (isWindows
            ? getWindowsInfo()
            : isMacOS
                ? getMacOsInfo()
                : getLinuxInfo()))), { platform,
            arch,
            isWindows,
            isMacOS,
            isLinux });
    });
}
//# sourceMappingURL=platform.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/core.js
var core_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};






/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function core_setSecret(secret) {
    command_issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${path.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return file_command_issueFileCommand('OUTPUT', file_command_prepareKeyValueMessage(name, value));
    }
    process.stdout.write(external_os_.EOL);
    command_issueCommand('set-output', { name }, utils_toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function core_debug(message) {
    command_issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    command_issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    command_issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    command_issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    command_issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    command_issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return core_awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return issueFileCommand('STATE', prepareKeyValueMessage(name, value));
    }
    issueCommand('save-state', { name }, toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return core_awaiter(this, void 0, void 0, function* () {
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map

/***/ }),

/***/ 4942:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Qq: () => (/* binding */ HttpClient)
});

// UNUSED EXPORTS: Headers, HttpClientError, HttpClientResponse, HttpCodes, MediaTypes, getProxyUrl, isHttps

// EXTERNAL MODULE: external "http"
var external_http_ = __nccwpck_require__(8611);
var external_http_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_http_, 2);
// EXTERNAL MODULE: external "https"
var external_https_ = __nccwpck_require__(5692);
var external_https_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_https_, 2);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/proxy.js
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map
// EXTERNAL MODULE: ./node_modules/tunnel/index.js
var tunnel = __nccwpck_require__(770);
// EXTERNAL MODULE: ./src/github/undici-on-demand.ts
var undici_on_demand = __nccwpck_require__(9305);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/index.js
/* eslint-disable @typescript-eslint/no-explicit-any */
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};





var HttpCodes;
(function (HttpCodes) {
    HttpCodes[HttpCodes["OK"] = 200] = "OK";
    HttpCodes[HttpCodes["MultipleChoices"] = 300] = "MultipleChoices";
    HttpCodes[HttpCodes["MovedPermanently"] = 301] = "MovedPermanently";
    HttpCodes[HttpCodes["ResourceMoved"] = 302] = "ResourceMoved";
    HttpCodes[HttpCodes["SeeOther"] = 303] = "SeeOther";
    HttpCodes[HttpCodes["NotModified"] = 304] = "NotModified";
    HttpCodes[HttpCodes["UseProxy"] = 305] = "UseProxy";
    HttpCodes[HttpCodes["SwitchProxy"] = 306] = "SwitchProxy";
    HttpCodes[HttpCodes["TemporaryRedirect"] = 307] = "TemporaryRedirect";
    HttpCodes[HttpCodes["PermanentRedirect"] = 308] = "PermanentRedirect";
    HttpCodes[HttpCodes["BadRequest"] = 400] = "BadRequest";
    HttpCodes[HttpCodes["Unauthorized"] = 401] = "Unauthorized";
    HttpCodes[HttpCodes["PaymentRequired"] = 402] = "PaymentRequired";
    HttpCodes[HttpCodes["Forbidden"] = 403] = "Forbidden";
    HttpCodes[HttpCodes["NotFound"] = 404] = "NotFound";
    HttpCodes[HttpCodes["MethodNotAllowed"] = 405] = "MethodNotAllowed";
    HttpCodes[HttpCodes["NotAcceptable"] = 406] = "NotAcceptable";
    HttpCodes[HttpCodes["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
    HttpCodes[HttpCodes["RequestTimeout"] = 408] = "RequestTimeout";
    HttpCodes[HttpCodes["Conflict"] = 409] = "Conflict";
    HttpCodes[HttpCodes["Gone"] = 410] = "Gone";
    HttpCodes[HttpCodes["TooManyRequests"] = 429] = "TooManyRequests";
    HttpCodes[HttpCodes["InternalServerError"] = 500] = "InternalServerError";
    HttpCodes[HttpCodes["NotImplemented"] = 501] = "NotImplemented";
    HttpCodes[HttpCodes["BadGateway"] = 502] = "BadGateway";
    HttpCodes[HttpCodes["ServiceUnavailable"] = 503] = "ServiceUnavailable";
    HttpCodes[HttpCodes["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function (Headers) {
    Headers["Accept"] = "accept";
    Headers["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function (MediaTypes) {
    MediaTypes["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
/**
 * Returns the proxy URL, depending upon the supplied url and proxy environment variables.
 * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
 */
function lib_getProxyUrl(serverUrl) {
    const proxyUrl = pm.getProxyUrl(new URL(serverUrl));
    return proxyUrl ? proxyUrl.href : '';
}
const HttpRedirectCodes = [
    HttpCodes.MovedPermanently,
    HttpCodes.ResourceMoved,
    HttpCodes.SeeOther,
    HttpCodes.TemporaryRedirect,
    HttpCodes.PermanentRedirect
];
const HttpResponseRetryCodes = [
    HttpCodes.BadGateway,
    HttpCodes.ServiceUnavailable,
    HttpCodes.GatewayTimeout
];
const RetryableHttpVerbs = ['OPTIONS', 'GET', 'DELETE', 'HEAD'];
const ExponentialBackoffCeiling = 10;
const ExponentialBackoffTimeSlice = 5;
class HttpClientError extends Error {
    constructor(message, statusCode) {
        super(message);
        this.name = 'HttpClientError';
        this.statusCode = statusCode;
        Object.setPrototypeOf(this, HttpClientError.prototype);
    }
}
class HttpClientResponse {
    constructor(message) {
        this.message = message;
    }
    readBody() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                let output = Buffer.alloc(0);
                this.message.on('data', (chunk) => {
                    output = Buffer.concat([output, chunk]);
                });
                this.message.on('end', () => {
                    resolve(output.toString());
                });
            }));
        });
    }
    readBodyBuffer() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                const chunks = [];
                this.message.on('data', (chunk) => {
                    chunks.push(chunk);
                });
                this.message.on('end', () => {
                    resolve(Buffer.concat(chunks));
                });
            }));
        });
    }
}
function isHttps(requestUrl) {
    const parsedUrl = new URL(requestUrl);
    return parsedUrl.protocol === 'https:';
}
class HttpClient {
    constructor(userAgent, handlers, requestOptions) {
        this._ignoreSslError = false;
        this._allowRedirects = true;
        this._allowRedirectDowngrade = false;
        this._maxRedirects = 50;
        this._allowRetries = false;
        this._maxRetries = 1;
        this._keepAlive = false;
        this._disposed = false;
        this.userAgent = this._getUserAgentWithOrchestrationId(userAgent);
        this.handlers = handlers || [];
        this.requestOptions = requestOptions;
        if (requestOptions) {
            if (requestOptions.ignoreSslError != null) {
                this._ignoreSslError = requestOptions.ignoreSslError;
            }
            this._socketTimeout = requestOptions.socketTimeout;
            if (requestOptions.allowRedirects != null) {
                this._allowRedirects = requestOptions.allowRedirects;
            }
            if (requestOptions.allowRedirectDowngrade != null) {
                this._allowRedirectDowngrade = requestOptions.allowRedirectDowngrade;
            }
            if (requestOptions.maxRedirects != null) {
                this._maxRedirects = Math.max(requestOptions.maxRedirects, 0);
            }
            if (requestOptions.keepAlive != null) {
                this._keepAlive = requestOptions.keepAlive;
            }
            if (requestOptions.allowRetries != null) {
                this._allowRetries = requestOptions.allowRetries;
            }
            if (requestOptions.maxRetries != null) {
                this._maxRetries = requestOptions.maxRetries;
            }
        }
    }
    options(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('OPTIONS', requestUrl, null, additionalHeaders || {});
        });
    }
    get(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('GET', requestUrl, null, additionalHeaders || {});
        });
    }
    del(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('DELETE', requestUrl, null, additionalHeaders || {});
        });
    }
    post(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('POST', requestUrl, data, additionalHeaders || {});
        });
    }
    patch(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PATCH', requestUrl, data, additionalHeaders || {});
        });
    }
    put(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PUT', requestUrl, data, additionalHeaders || {});
        });
    }
    head(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('HEAD', requestUrl, null, additionalHeaders || {});
        });
    }
    sendStream(verb, requestUrl, stream, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request(verb, requestUrl, stream, additionalHeaders);
        });
    }
    /**
     * Gets a typed object from an endpoint
     * Be aware that not found returns a null.  Other errors (4xx, 5xx) reject the promise
     */
    getJson(requestUrl_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, additionalHeaders = {}) {
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            const res = yield this.get(requestUrl, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    postJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.post(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    putJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.put(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    patchJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.patch(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    /**
     * Makes a raw http request.
     * All other methods such as get, post, patch, and request ultimately call this.
     * Prefer get, del, post and patch
     */
    request(verb, requestUrl, data, headers) {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._disposed) {
                throw new Error('Client has already been disposed.');
            }
            const parsedUrl = new URL(requestUrl);
            let info = this._prepareRequest(verb, parsedUrl, headers);
            // Only perform retries on reads since writes may not be idempotent.
            const maxTries = this._allowRetries && RetryableHttpVerbs.includes(verb)
                ? this._maxRetries + 1
                : 1;
            let numTries = 0;
            let response;
            do {
                response = yield this.requestRaw(info, data);
                // Check if it's an authentication challenge
                if (response &&
                    response.message &&
                    response.message.statusCode === HttpCodes.Unauthorized) {
                    let authenticationHandler;
                    for (const handler of this.handlers) {
                        if (handler.canHandleAuthentication(response)) {
                            authenticationHandler = handler;
                            break;
                        }
                    }
                    if (authenticationHandler) {
                        return authenticationHandler.handleAuthentication(this, info, data);
                    }
                    else {
                        // We have received an unauthorized response but have no handlers to handle it.
                        // Let the response return to the caller.
                        return response;
                    }
                }
                let redirectsRemaining = this._maxRedirects;
                while (response.message.statusCode &&
                    HttpRedirectCodes.includes(response.message.statusCode) &&
                    this._allowRedirects &&
                    redirectsRemaining > 0) {
                    const redirectUrl = response.message.headers['location'];
                    if (!redirectUrl) {
                        // if there's no location to redirect to, we won't
                        break;
                    }
                    const parsedRedirectUrl = new URL(redirectUrl);
                    if (parsedUrl.protocol === 'https:' &&
                        parsedUrl.protocol !== parsedRedirectUrl.protocol &&
                        !this._allowRedirectDowngrade) {
                        throw new Error('Redirect from HTTPS to HTTP protocol. This downgrade is not allowed for security reasons. If you want to allow this behavior, set the allowRedirectDowngrade option to true.');
                    }
                    // we need to finish reading the response before reassigning response
                    // which will leak the open socket.
                    yield response.readBody();
                    // strip authorization header if redirected to a different hostname
                    if (parsedRedirectUrl.hostname !== parsedUrl.hostname) {
                        for (const header in headers) {
                            // header names are case insensitive
                            if (header.toLowerCase() === 'authorization') {
                                delete headers[header];
                            }
                        }
                    }
                    // let's make the request with the new redirectUrl
                    info = this._prepareRequest(verb, parsedRedirectUrl, headers);
                    response = yield this.requestRaw(info, data);
                    redirectsRemaining--;
                }
                if (!response.message.statusCode ||
                    !HttpResponseRetryCodes.includes(response.message.statusCode)) {
                    // If not a retry code, return immediately instead of retrying
                    return response;
                }
                numTries += 1;
                if (numTries < maxTries) {
                    yield response.readBody();
                    yield this._performExponentialBackoff(numTries);
                }
            } while (numTries < maxTries);
            return response;
        });
    }
    /**
     * Needs to be called if keepAlive is set to true in request options.
     */
    dispose() {
        if (this._agent) {
            this._agent.destroy();
        }
        this._disposed = true;
    }
    /**
     * Raw request.
     * @param info
     * @param data
     */
    requestRaw(info, data) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => {
                function callbackForResult(err, res) {
                    if (err) {
                        reject(err);
                    }
                    else if (!res) {
                        // If `err` is not passed, then `res` must be passed.
                        reject(new Error('Unknown error'));
                    }
                    else {
                        resolve(res);
                    }
                }
                this.requestRawWithCallback(info, data, callbackForResult);
            });
        });
    }
    /**
     * Raw request with callback.
     * @param info
     * @param data
     * @param onResult
     */
    requestRawWithCallback(info, data, onResult) {
        if (typeof data === 'string') {
            if (!info.options.headers) {
                info.options.headers = {};
            }
            info.options.headers['Content-Length'] = Buffer.byteLength(data, 'utf8');
        }
        let callbackCalled = false;
        function handleResult(err, res) {
            if (!callbackCalled) {
                callbackCalled = true;
                onResult(err, res);
            }
        }
        const req = info.httpModule.request(info.options, (msg) => {
            const res = new HttpClientResponse(msg);
            handleResult(undefined, res);
        });
        let socket;
        req.on('socket', sock => {
            socket = sock;
        });
        // If we ever get disconnected, we want the socket to timeout eventually
        req.setTimeout(this._socketTimeout || 3 * 60000, () => {
            if (socket) {
                socket.end();
            }
            handleResult(new Error(`Request timeout: ${info.options.path}`));
        });
        req.on('error', function (err) {
            // err has statusCode property
            // res should have headers
            handleResult(err);
        });
        if (data && typeof data === 'string') {
            req.write(data, 'utf8');
        }
        if (data && typeof data !== 'string') {
            data.on('close', function () {
                req.end();
            });
            data.pipe(req);
        }
        else {
            req.end();
        }
    }
    /**
     * Gets an http agent. This function is useful when you need an http agent that handles
     * routing through a proxy server - depending upon the url and proxy environment variables.
     * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
     */
    getAgent(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        return this._getAgent(parsedUrl);
    }
    getAgentDispatcher(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (!useProxy) {
            return;
        }
        return this._getProxyAgentDispatcher(parsedUrl, proxyUrl);
    }
    _prepareRequest(method, requestUrl, headers) {
        const info = {};
        info.parsedUrl = requestUrl;
        const usingSsl = info.parsedUrl.protocol === 'https:';
        info.httpModule = usingSsl ? external_https_namespaceObject : external_http_namespaceObject;
        const defaultPort = usingSsl ? 443 : 80;
        info.options = {};
        info.options.host = info.parsedUrl.hostname;
        info.options.port = info.parsedUrl.port
            ? parseInt(info.parsedUrl.port)
            : defaultPort;
        info.options.path =
            (info.parsedUrl.pathname || '') + (info.parsedUrl.search || '');
        info.options.method = method;
        info.options.headers = this._mergeHeaders(headers);
        if (this.userAgent != null) {
            info.options.headers['user-agent'] = this.userAgent;
        }
        info.options.agent = this._getAgent(info.parsedUrl);
        // gives handlers an opportunity to participate
        if (this.handlers) {
            for (const handler of this.handlers) {
                handler.prepareRequest(info.options);
            }
        }
        return info;
    }
    _mergeHeaders(headers) {
        if (this.requestOptions && this.requestOptions.headers) {
            return Object.assign({}, lowercaseKeys(this.requestOptions.headers), lowercaseKeys(headers || {}));
        }
        return lowercaseKeys(headers || {});
    }
    /**
     * Gets an existing header value or returns a default.
     * Handles converting number header values to strings since HTTP headers must be strings.
     * Note: This returns string | string[] since some headers can have multiple values.
     * For headers that must always be a single string (like Content-Type), use the
     * specialized _getExistingOrDefaultContentTypeHeader method instead.
     */
    _getExistingOrDefaultHeader(additionalHeaders, header, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[header];
            if (headerValue) {
                clientHeader =
                    typeof headerValue === 'number' ? headerValue.toString() : headerValue;
            }
        }
        const additionalValue = additionalHeaders[header];
        if (additionalValue !== undefined) {
            return typeof additionalValue === 'number'
                ? additionalValue.toString()
                : additionalValue;
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    /**
     * Specialized version of _getExistingOrDefaultHeader for Content-Type header.
     * Always returns a single string (not an array) since Content-Type should be a single value.
     * Converts arrays to comma-separated strings and numbers to strings to ensure type safety.
     * This was split from _getExistingOrDefaultHeader to provide stricter typing for callers
     * that assign the result to places expecting a string (e.g., additionalHeaders[Headers.ContentType]).
     */
    _getExistingOrDefaultContentTypeHeader(additionalHeaders, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[Headers.ContentType];
            if (headerValue) {
                if (typeof headerValue === 'number') {
                    clientHeader = String(headerValue);
                }
                else if (Array.isArray(headerValue)) {
                    clientHeader = headerValue.join(', ');
                }
                else {
                    clientHeader = headerValue;
                }
            }
        }
        const additionalValue = additionalHeaders[Headers.ContentType];
        // Return the first non-undefined value, converting numbers or arrays to strings if necessary
        if (additionalValue !== undefined) {
            if (typeof additionalValue === 'number') {
                return String(additionalValue);
            }
            else if (Array.isArray(additionalValue)) {
                return additionalValue.join(', ');
            }
            else {
                return additionalValue;
            }
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    _getAgent(parsedUrl) {
        let agent;
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (this._keepAlive && useProxy) {
            agent = this._proxyAgent;
        }
        if (!useProxy) {
            agent = this._agent;
        }
        // if agent is already assigned use that agent.
        if (agent) {
            return agent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        let maxSockets = 100;
        if (this.requestOptions) {
            maxSockets = this.requestOptions.maxSockets || external_http_.globalAgent.maxSockets;
        }
        // This is `useProxy` again, but we need to check `proxyURl` directly for TypeScripts's flow analysis.
        if (proxyUrl && proxyUrl.hostname) {
            const agentOptions = {
                maxSockets,
                keepAlive: this._keepAlive,
                proxy: Object.assign(Object.assign({}, ((proxyUrl.username || proxyUrl.password) && {
                    proxyAuth: `${proxyUrl.username}:${proxyUrl.password}`
                })), { host: proxyUrl.hostname, port: proxyUrl.port })
            };
            let tunnelAgent;
            const overHttps = proxyUrl.protocol === 'https:';
            if (usingSsl) {
                tunnelAgent = overHttps ? tunnel.httpsOverHttps : tunnel.httpsOverHttp;
            }
            else {
                tunnelAgent = overHttps ? tunnel.httpOverHttps : tunnel.httpOverHttp;
            }
            agent = tunnelAgent(agentOptions);
            this._proxyAgent = agent;
        }
        // if tunneling agent isn't assigned create a new agent
        if (!agent) {
            const options = { keepAlive: this._keepAlive, maxSockets };
            agent = usingSsl ? new external_https_.Agent(options) : new external_http_.Agent(options);
            this._agent = agent;
        }
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            agent.options = Object.assign(agent.options || {}, {
                rejectUnauthorized: false
            });
        }
        return agent;
    }
    _getProxyAgentDispatcher(parsedUrl, proxyUrl) {
        let proxyAgent;
        if (this._keepAlive) {
            proxyAgent = this._proxyAgentDispatcher;
        }
        // if agent is already assigned use that agent.
        if (proxyAgent) {
            return proxyAgent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        proxyAgent = new undici_on_demand.ProxyAgent(Object.assign({ uri: proxyUrl.href, pipelining: !this._keepAlive ? 0 : 1 }, ((proxyUrl.username || proxyUrl.password) && {
            token: `Basic ${Buffer.from(`${proxyUrl.username}:${proxyUrl.password}`).toString('base64')}`
        })));
        this._proxyAgentDispatcher = proxyAgent;
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            proxyAgent.options = Object.assign(proxyAgent.options.requestTls || {}, {
                rejectUnauthorized: false
            });
        }
        return proxyAgent;
    }
    _getUserAgentWithOrchestrationId(userAgent) {
        const baseUserAgent = userAgent || 'actions/http-client';
        const orchId = process.env['ACTIONS_ORCHESTRATION_ID'];
        if (orchId) {
            // Sanitize the orchestration ID to ensure it contains only valid characters
            // Valid characters: 0-9, a-z, _, -, .
            const sanitizedId = orchId.replace(/[^a-z0-9_.-]/gi, '_');
            return `${baseUserAgent} actions_orchestration_id/${sanitizedId}`;
        }
        return baseUserAgent;
    }
    _performExponentialBackoff(retryNumber) {
        return __awaiter(this, void 0, void 0, function* () {
            retryNumber = Math.min(ExponentialBackoffCeiling, retryNumber);
            const ms = ExponentialBackoffTimeSlice * Math.pow(2, retryNumber);
            return new Promise(resolve => setTimeout(() => resolve(), ms));
        });
    }
    _processResponse(res, options) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
                const statusCode = res.message.statusCode || 0;
                const response = {
                    statusCode,
                    result: null,
                    headers: {}
                };
                // not found leads to null obj returned
                if (statusCode === HttpCodes.NotFound) {
                    resolve(response);
                }
                // get the result from the body
                function dateTimeDeserializer(key, value) {
                    if (typeof value === 'string') {
                        const a = new Date(value);
                        if (!isNaN(a.valueOf())) {
                            return a;
                        }
                    }
                    return value;
                }
                let obj;
                let contents;
                try {
                    contents = yield res.readBody();
                    if (contents && contents.length > 0) {
                        if (options && options.deserializeDates) {
                            obj = JSON.parse(contents, dateTimeDeserializer);
                        }
                        else {
                            obj = JSON.parse(contents);
                        }
                        response.result = obj;
                    }
                    response.headers = res.message.headers;
                }
                catch (err) {
                    // Invalid resource (contents not json);  leaving result obj null
                }
                // note that 3xx redirects are handled by the http layer.
                if (statusCode > 299) {
                    let msg;
                    // if exception/error in body, attempt to get better error
                    if (obj && obj.message) {
                        msg = obj.message;
                    }
                    else if (contents && contents.length > 0) {
                        // it may be the case that the exception is in the body message as string
                        msg = contents;
                    }
                    else {
                        msg = `Failed request: (${statusCode})`;
                    }
                    const err = new HttpClientError(msg, statusCode);
                    err.result = response.result;
                    reject(err);
                }
                else {
                    resolve(response);
                }
            }));
        });
    }
}
const lowercaseKeys = (obj) => Object.keys(obj).reduce((c, k) => ((c[k.toLowerCase()] = obj[k]), c), {});
//# sourceMappingURL=index.js.map

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: ./src/early-signals.ts
const CANCEL_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const received = [];
const hold = (signal) => void received.push(signal);
for (const signal of CANCEL_SIGNALS)
    process.on(signal, hold);
const heldSignals = {
    received,
    release: () => {
        for (const signal of CANCEL_SIGNALS)
            process.off(signal, hold);
    }
};

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __nccwpck_require__(6288);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __nccwpck_require__(4942);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __nccwpck_require__(7242);
// EXTERNAL MODULE: ./src/duration.ts
var duration = __nccwpck_require__(7607);
// EXTERNAL MODULE: ./src/api/http-request.ts
var http_request = __nccwpck_require__(7542);
// EXTERNAL MODULE: ./src/api/app-response.ts
var app_response = __nccwpck_require__(9371);
// EXTERNAL MODULE: ./src/redact.ts
var redact = __nccwpck_require__(6670);
// EXTERNAL MODULE: ./src/api/run-response.ts
var run_response = __nccwpck_require__(7825);
// EXTERNAL MODULE: ./src/guards.ts
var guards = __nccwpck_require__(9609);
;// CONCATENATED MODULE: ./src/api/run-list.ts
// The answer of `GET /v1/runs` (a project's runs, newest first, a page at a time), checked at the
// boundary: the run objects it lists, each as received for the report file, and the next cursor.


/** Every page asks for the most the API gives (`limit` 1 to 100): the fewer pages, the fewer requests. */
const LIST_PAGE_SIZE = 100;
/**
 * Checks a 200 body of the list. Not an object with a `runs` array: `NotARunError` (the list is
 * then not used again). An item that is not a run with an ID is left out: the run it might have
 * been is read by ID instead, which is what happens to any run the pages do not show.
 */
function parseRunList(body) {
    if (!(0,guards/* isPlainObject */.Qd)(body) || !Array.isArray(body.runs)) {
        throw new run_response/* NotARunError */.CI('with something that is not a list of runs');
    }
    const runs = [];
    for (const item of body.runs) {
        try {
            const run = (0,run_response/* parseRun */.zZ)(item);
            if (run.id !== '')
                runs.push({ run, body: item });
        }
        catch (error) {
            if (!(error instanceof run_response/* NotARunError */.CI))
                throw error;
        }
    }
    const cursor = body.nextCursor;
    return { runs, nextCursor: typeof cursor === 'string' && cursor !== '' ? cursor : null };
}

;// CONCATENATED MODULE: ./src/api/api-client.ts








class ApiClient {
    options;
    now;
    constructor(options) {
        this.options = options;
        this.now = options.now ?? Date.now;
    }
    async getRun(id, options = {}) {
        const answer = await this.send('GET', `/v1/runs/${encodeURIComponent(id)}`, options);
        if (answer.kind !== 'http')
            return answer;
        if (answer.status !== 200)
            return this.httpError(answer);
        return this.decode(answer, 'but ', json => ({
            kind: 'run',
            run: (0,run_response/* parseRun */.zZ)(json, id),
            body: json
        }));
    }
    /** `GET /v1/runs?projectId=&limit=100&cursor=`: a page of the project's runs, newest first. */
    async listRuns(projectId, cursor, options = {}) {
        const query = new URLSearchParams({ projectId, limit: String(LIST_PAGE_SIZE) });
        if (cursor !== null)
            query.set('cursor', cursor);
        const answer = await this.send('GET', `/v1/runs?${query}`, options);
        if (answer.kind !== 'http')
            return answer;
        if (answer.status !== 200)
            return this.httpError(answer);
        if (answer.body.length > constants/* Limits */.xu.maxListPageBytes) {
            const mb = Math.round(constants/* Limits */.xu.maxListPageBytes / 1024 / 1024);
            return { kind: 'too-large', message: `a page of the run list is larger than ${mb} MB` };
        }
        return this.decode(answer, '', json => ({ kind: 'list', page: parseRunList(json) }));
    }
    async cancelRun(id, options = {}) {
        const answer = await this.send('POST', `/v1/runs/${encodeURIComponent(id)}/cancel`, {
            timeoutMs: constants/* Limits */.xu.cancelRequestTimeoutMs,
            ...options
        });
        if (answer.kind !== 'http')
            return answer;
        if (isSuccess(answer.status))
            return { kind: 'cancelled' };
        const { kind, status, message } = this.httpError(answer);
        return { kind, status, message };
    }
    async startRuns(kind, id, body, options = {}) {
        const path = `/v1/${kind === 'test' ? 'tests' : 'groups'}/${encodeURIComponent(id)}/runs`;
        return this.start(kind, path, body, options);
    }
    /** The exploration agent: one run, answered like a test's (`runId`). */
    async startAgent(projectId, body, options = {}) {
        const path = `/v1/projects/${encodeURIComponent(projectId)}/pull-request-runs`;
        return this.start('test', path, body, options);
    }
    async cancelBatch(batchId, options = {}) {
        const answer = await this.send('POST', `/v1/batches/${encodeURIComponent(batchId)}/cancel`, {
            timeoutMs: constants/* Limits */.xu.cancelRequestTimeoutMs,
            ...options
        });
        if (answer.kind !== 'http')
            return answer;
        // A body that is not JSON covers nothing known: every run then gets its own cancel.
        const decoded = (0,run_response/* decodeJson */.xO)(answer.body);
        // A 409 (some runs could not be cancelled) still lists those it did cover.
        const covered = (0,run_response/* parseBatchCancel */.sq)(decoded.ok ? decoded.value : null);
        if (isSuccess(answer.status))
            return { kind: 'cancelled', covered };
        const { kind, status, message } = this.httpError(answer);
        return { kind, status, message, covered };
    }
    async start(kind, path, body, options) {
        const answer = await this.send('POST', path, options, JSON.stringify(body));
        if (answer.kind !== 'http')
            return answer;
        if (!isSuccess(answer.status))
            return this.httpError(answer);
        return this.decode(answer, '', json => ({
            kind: 'started',
            ...(0,run_response/* parseStartResponse */.LK)(json, kind)
        }));
    }
    /** `POST /v1/projects/{id}/mobile/upload`: a presigned URL for the build. */
    createUpload(projectId, body, options = {}) {
        return this.decoded('POST', `${mobilePath(projectId)}/upload`, options, body, app_response/* parseUploadTicket */.NG);
    }
    /** `POST /v1/projects/{id}/mobile/upload/confirm`: the uploaded file becomes an app. */
    confirmUpload(projectId, body, options = {}) {
        const path = `${mobilePath(projectId)}/upload/confirm`;
        return this.decoded('POST', path, options, body, app_response/* parseConfirmed */.vx);
    }
    /** `GET /v1/projects/{id}/mobile`: the project's apps, to find one whose confirm answer was lost. */
    listApps(projectId, options = {}) {
        return this.decoded('GET', mobilePath(projectId), options, undefined, app_response/* parseAppList */.FP);
    }
    /** A request whose success body is JSON checked by `parse`; anything else as the usual faults. */
    async decoded(method, path, options, body, parse) {
        const json = body === undefined ? undefined : JSON.stringify(body);
        const answer = await this.send(method, path, options, json);
        if (answer.kind !== 'http')
            return answer;
        if (!isSuccess(answer.status))
            return this.httpError(answer);
        return this.decode(answer, 'with ', value => ({ kind: 'ok', value: parse(value) }));
    }
    /** The key, scrubbed from text about a body that is not JSON (a proxy page may echo headers). */
    scrub(text) {
        return (0,redact/* scrubText */.Ho)(text, [this.options.apiKey]);
    }
    httpError({ status, body, retryAfterMs, location }) {
        const decoded = (0,run_response/* decodeJson */.xO)(body);
        const json = decoded.ok ? (0,redact/* scrubJson */.Kl)(decoded.value, [this.options.apiKey]) : undefined;
        const message = this.scrub(errorMessage(status, body, json, location));
        return { kind: 'http-error', status, message, retryAfterMs };
    }
    /**
     * Parses a success's JSON body, scrubs the key from every string in it, and hands it to `parse`;
     * what `parse` refuses is an invalid body, said as "the API answered 200 {joint}{why}". Scrubbed
     * once parsed, before anything reads it: whatever JSON spelling the API used for the key
     * (escaped slashes, \u escapes), the parsed string holds the key as it is.
     */
    decode(answer, joint, parse) {
        const { status, body } = answer;
        const decoded = (0,run_response/* decodeJson */.xO)(body);
        if (!decoded.ok) {
            return {
                kind: 'invalid-body',
                message: `the API answered ${status} with a body that is ${this.scrub(decoded.message)}`
            };
        }
        try {
            return parse((0,redact/* scrubJson */.Kl)(decoded.value, [this.options.apiKey]));
        }
        catch (error) {
            if (!(error instanceof run_response/* NotARunError */.CI) && !(error instanceof app_response/* NotAnAppError */.mN))
                throw error;
            return {
                kind: 'invalid-body',
                message: `the API answered ${status} ${joint}${error.message}`
            };
        }
    }
    /** One request, its answer read to the end (raw: scrubbed once parsed), or the fault that ended it. */
    async send(method, path, { signal, timeoutMs = constants/* Limits */.xu.requestTimeoutMs }, json) {
        if (signal?.aborted)
            return { kind: 'aborted' };
        const abort = requestAbort(signal, timeoutMs);
        const started = this.now();
        const log = (outcome) => this.options.onRequest?.(`${method} ${path} -> ${outcome}`);
        try {
            const response = await this.client(abort.signal, timeoutMs).request(method, `${this.options.apiUrl}${path}`, method === 'POST' ? (json ?? '') : null, json === undefined ? {} : { 'content-type': 'application/json' });
            // Raw: scrubbing JSON text could break its syntax and would miss the key spelled with
            // escapes, so the key is scrubbed once the body is parsed (see decode).
            const body = await readBody(response.message, abort.signal);
            const status = response.message.statusCode ?? 0;
            log(`${status} in ${this.now() - started} ms`);
            const { headers } = response.message;
            const retryAfterMs = parseRetryAfter(headers['retry-after'], this.now());
            const location = status >= 300 && status < 400 && headers.location ? headers.location : null;
            return { kind: 'http', status, body, retryAfterMs, location };
        }
        catch (error) {
            if (error instanceof ResponseTooLarge) {
                log(error.message);
                return { kind: 'too-large', message: error.message };
            }
            const fault = classifyFailure(error, abort, timeoutMs);
            log(fault.kind === 'aborted' ? `aborted after ${this.now() - started} ms` : fault.message);
            return fault;
        }
        finally {
            abort.dispose();
        }
    }
    client(signal, timeoutMs) {
        return new lib/* HttpClient */.Qq(`testerarmy-action/${constants/* VERSION */.xv}`, [(0,http_request/* withSignal */.l)(signal)], {
            allowRetries: false,
            // Redirects would re-send the key to wherever the API pointed; the API never redirects.
            allowRedirects: false,
            socketTimeout: timeoutMs,
            headers: { authorization: `Bearer ${this.options.apiKey}`, accept: 'application/json' }
        });
    }
}
const mobilePath = (projectId) => `/v1/projects/${encodeURIComponent(projectId)}/mobile`;
const isSuccess = (status) => status >= 200 && status < 300;
/** Raised inside a request when its own timer fires, to tell that apart from the caller's abort. */
class RequestTimeout extends Error {
}
/** One controller per request, ended by the caller's signal or by this request's own timer. */
function requestAbort(signal, timeoutMs) {
    const controller = new AbortController();
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => controller.abort(new RequestTimeout()), timeoutMs);
    return {
        signal: controller.signal,
        byCaller: () => controller.signal.aborted && !(controller.signal.reason instanceof RequestTimeout),
        dispose: () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
        }
    };
}
/** What a request that got no answer tells the retry rules: aborted, timed out, or never sent. */
function classifyFailure(error, abort, timeoutMs) {
    if (abort.byCaller())
        return { kind: 'aborted' };
    const timedOut = abort.signal.aborted || /timeout/i.test(String(error?.message));
    const message = timedOut
        ? `no answer from the API within ${(0,duration/* formatDuration */.a)(timeoutMs)}`
        : (0,http_request/* networkMessage */.k)(error, API_NETWORK_ERRORS, 'request failed');
    const code = error?.code;
    const neverSent = !timedOut && typeof code === 'string' && NEVER_SENT.includes(code);
    return { kind: 'network-error', message, timedOut, mayHaveArrived: !neverSent };
}
/** A body over `Limits.maxResponseBytes`: said as such, and not worth asking for again. */
class ResponseTooLarge extends Error {
    constructor() {
        super(`the API's answer is larger than ${Math.round(constants/* Limits */.xu.maxResponseBytes / 1024 / 1024)} MB, more than this action can read`);
    }
}
/**
 * Reads a body to its end, or fails when the connection drops or the signal fires. (http-client's
 * own readBody waits forever on a connection that dies mid-body.)
 */
function readBody(message, signal) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        let settled = false;
        // Settled before the socket is destroyed: destroying it fires 'aborted' and 'close' at once,
        // whose "connection closed" must not hide the real reason.
        const fail = (error) => {
            if (settled)
                return;
            settled = true;
            reject(error);
            message.destroy();
        };
        if (signal.aborted)
            return fail(new Error('aborted'));
        signal.addEventListener('abort', () => fail(new Error('aborted')), { once: true });
        // Refused before a byte is read when the server says how large it is.
        if (Number(message.headers['content-length']) > constants/* Limits */.xu.maxResponseBytes)
            return fail(new ResponseTooLarge());
        // With a Content-Length, the body is copied into one buffer of that size as it comes: a huge
        // body is then held once (plus its text), never as chunks and their concatenation at once.
        const length = Number(message.headers['content-length']);
        // Its own memory (allocUnsafeSlow: never the shared pool), so it can be released at once below.
        let whole = Number.isSafeInteger(length) && length > 0 ? Buffer.allocUnsafeSlow(length) : null;
        message.on('data', (chunk) => {
            if (settled)
                return;
            if (size + chunk.length > constants/* Limits */.xu.maxResponseBytes)
                return fail(new ResponseTooLarge());
            if (whole && size + chunk.length <= whole.length) {
                chunk.copy(whole, size);
            }
            else {
                // More than announced (never from Node's parser): back to chunks, nothing lost.
                if (whole)
                    chunks.push(whole.subarray(0, size));
                whole = null;
                chunks.push(chunk);
            }
            size += chunk.length;
        });
        message.on('end', () => {
            if (settled)
                return;
            settled = true;
            const text = whole ? whole.toString('utf8', 0, size) : Buffer.concat(chunks, size).toString();
            whole?.buffer?.transfer?.(0);
            whole = null;
            chunks.length = 0;
            resolve(text);
        });
        message.on('error', fail);
        message.on('aborted', () => fail(new Error('the connection closed before the response ended')));
        message.on('close', () => {
            if (!message.complete)
                fail(new Error('the connection closed before the response ended'));
        });
    });
}
/** `Retry-After` as seconds or as an HTTP date; null when absent or unreadable. */
function parseRetryAfter(header, now) {
    const value = (Array.isArray(header) ? header[0] : header)?.trim();
    if (!value)
        return null;
    if (/^\d+(\.\d+)?$/.test(value))
        return Math.round(Number(value) * 1000);
    const date = Date.parse(value);
    return Number.isNaN(date) ? null : Math.max(0, date - now);
}
/**
 * The API's `{ error, message }` when it sent one (`json`: the body parsed and scrubbed), else a
 * short description of what came back; a redirect says where it points.
 */
function errorMessage(status, body, json, location) {
    const where = location ? ` to ${location.slice(0, 200)}` : '';
    if (typeof json === 'object' && json !== null) {
        const { message, error } = json;
        const text = [message, error].find((v) => typeof v === 'string' && v.trim() !== '');
        if (text)
            return `HTTP ${status}${where}: ${text.trim().slice(0, 300)}`;
    }
    return `HTTP ${status}${where}${body.trim() ? ` (${(0,run_response/* describeBody */.MP)(body)})` : ''}`;
}
/** Errors raised before a single byte of the request could reach the server. */
const NEVER_SENT = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'];
/** The network errors a user can act on, in words about the API. */
const API_NETWORK_ERRORS = {
    ECONNREFUSED: 'the API refused the connection',
    ECONNRESET: 'the connection was reset',
    EPIPE: 'the connection was reset',
    ENOTFOUND: 'the API host was not found (DNS)',
    EAI_AGAIN: 'the API host could not be resolved (DNS)',
    ETIMEDOUT: 'the connection timed out'
};

;// CONCATENATED MODULE: ./src/clock.ts
// Time as the poller sees it: injected, so tests drive a fake clock instead of sleeping.
const systemClock = {
    now: () => Date.now(),
    sleep: (ms, signal) => new Promise(resolve => {
        if (signal?.aborted)
            return resolve();
        const done = () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, Math.max(0, ms));
        signal?.addEventListener('abort', done, { once: true });
    })
};

;// CONCATENATED MODULE: ./src/inputs/source.ts
// Reading one input: where inputs come from, the error a bad one gives, and the value parsers that
// several capabilities share (booleans, choices, IDs). Pure.

/** A bad input. The message names the input, quotes the value and says what is accepted. */
class InputError extends Error {
    name = 'InputError';
}
/** All the bad inputs at once, so a user fixes them in one go rather than one per run. */
class InputErrors extends Error {
    errors;
    name = 'InputErrors';
    constructor(errors) {
        super(errors.map(e => e.message).join('\n'));
        this.errors = errors;
    }
}
/** Quotes a user's value in an error message, shortened so a pasted blob stays one readable line. */
function quote(value) {
    const oneLine = value.replace(/[\r\n]+/g, '⏎');
    return JSON.stringify(oneLine.length > 80 ? `${oneLine.slice(0, 77)}...` : oneLine);
}
/** One of `choices`, in any case; an empty value is `fallback` (the inputs' one choice parser). */
function parseChoice(name, raw, fallback, choices) {
    const value = raw.trim().toLowerCase() || fallback;
    if (choices.includes(value))
        return value;
    throw new InputError(`Input '${name}' is ${quote(raw.trim())}: expected one of ${choices.join(', ')}.`);
}
/** Same spellings as `core.getBooleanInput` (YAML 1.2 core schema), with our own error message. */
function parseBoolean(name, raw, fallback) {
    const value = raw.trim();
    if (value === '')
        return fallback;
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    throw new InputError(`Input '${name}' is ${quote(value)}: expected true or false.`);
}
/** An ID the API knows as a UUID, lower-cased like every ID. */
function parseUuid(name, raw, what) {
    const value = raw.trim();
    if ((0,guards/* isUuid */.O1)(value))
        return value.toLowerCase();
    throw new InputError(`Input '${name}' is ${quote(value)}, which is not ${what}: expected a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6.`);
}

;// CONCATENATED MODULE: ./src/inputs/connection.ts
// The inputs of talking to TesterArmy's API: the key, where the API is, how often to ask, how long
// to wait, and whether to cancel what nobody waits for any more. Pure.




function parseConnection(source, attempt) {
    return {
        apiUrl: attempt(() => parseApiUrl(source.read(constants/* Inputs */.G0.ApiUrl)), constants/* DEFAULT_API_URL */.rK),
        pollIntervalMs: attempt(() => parsePollInterval(source.read(constants/* Inputs */.G0.PollInterval)), 5_000),
        timeoutMs: attempt(() => parseTimeout(source.read(constants/* Inputs */.G0.Timeout)), 30 * 60_000),
        cancelOnAbort: attempt(() => parseBoolean(constants/* Inputs */.G0.CancelOnAbort, source.read(constants/* Inputs */.G0.CancelOnAbort), true), true)
    };
}
/** The key, masked through `onSecret` the moment it is read, before anything could echo it. */
function parseApiKey(source) {
    const key = source.read(constants/* Inputs */.G0.ApiKey).trim() || (source.env[constants/* API_KEY_ENV */.rg] ?? '').trim();
    if (key)
        source.onSecret(key);
    const fork = source.event?.forkRepository;
    if (!key && fork) {
        throw new InputError(`Input '${constants/* Inputs */.G0.ApiKey}' is empty because this pull request comes from a fork (${fork}): GitHub gives no secrets ` +
            `to pull_request workflows of forks. Test forks from a workflow_run or deployment_status workflow (see the README), ` +
            `or skip the step for them with if: github.event.pull_request.head.repo.full_name == github.repository.`);
    }
    if (!key) {
        throw new InputError(`Input '${constants/* Inputs */.G0.ApiKey}' is empty and ${constants/* API_KEY_ENV */.rg} is not set: pass your TesterArmy API key, ` +
            `for example api-key: \${{ secrets.TESTERARMY_API_KEY }}.`);
    }
    // Never quote the key itself. A control character or space would corrupt the Authorization
    // header, which is the usual sign of a secret pasted with its line break.
    if (!/^[\u0021-\u007e]+$/.test(key)) {
        throw new InputError(`Input '${constants/* Inputs */.G0.ApiKey}' contains spaces, line breaks or non-ASCII characters (value not shown): ` +
            `an API key is one line of printable ASCII; check the secret for a pasted line break.`);
    }
    if (key.length < constants/* Limits */.xu.minApiKeyLength) {
        throw new InputError(`Input '${constants/* Inputs */.G0.ApiKey}' is only ${key.length} characters long (value not shown): a TesterArmy API key ` +
            `has at least ${constants/* Limits */.xu.minApiKeyLength}; check that the secret holds the whole key.`);
    }
    return key;
}
function parseApiUrl(raw) {
    const value = raw.trim() || constants/* DEFAULT_API_URL */.rK;
    const accepted = `an https URL such as ${constants/* DEFAULT_API_URL */.rK} (http only to 127.0.0.1, ::1 or localhost)`;
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new InputError(`Input '${constants/* Inputs */.G0.ApiUrl}' is ${quote(value)}, which is not a URL: expected ${accepted}.`);
    }
    const secure = url.protocol === 'https:';
    const localHttp = url.protocol === 'http:' && (0,guards/* isLoopbackHost */.cW)(url.hostname);
    if (!secure && !localHttp) {
        throw new InputError(`Input '${constants/* Inputs */.G0.ApiUrl}' is ${quote(value)}: the API key must not travel unencrypted; expected ${accepted}.`);
    }
    // A bare `?` or `#` leaves `search` and `hash` empty but stays in the URL, and every request
    // path would land after it.
    if (url.username || url.password || /[?#]/.test(value)) {
        throw new InputError(`Input '${constants/* Inputs */.G0.ApiUrl}' is ${quote(value)}: credentials, a query or a fragment cannot be part of the API root; expected ${accepted}.`);
    }
    return url.href.replace(/\/+$/, '');
}
function parsePollInterval(raw) {
    const value = raw.trim() || '5s';
    const ms = (0,duration/* parseDuration */.E)(value);
    if (ms === null || ms < constants/* Limits */.xu.minPollIntervalMs) {
        throw new InputError(`Input '${constants/* Inputs */.G0.PollInterval}' is ${quote(value)}: expected a duration of at least ` +
            `${(0,duration/* formatDuration */.a)(constants/* Limits */.xu.minPollIntervalMs)}, such as 5s, 30s or 1m (a plain number is seconds).`);
    }
    return ms;
}
function parseTimeout(raw) {
    const value = raw.trim() || '30m';
    const ms = (0,duration/* parseDuration */.E)(value);
    if (ms === null || ms <= 0 || ms > constants/* Limits */.xu.maxTimeoutMs) {
        throw new InputError(`Input '${constants/* Inputs */.G0.Timeout}' is ${quote(value)}: expected a duration above 0 and at most 6h, ` +
            `such as 30m, 90s or 2h (a plain number is seconds).`);
    }
    return ms;
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
;// CONCATENATED MODULE: ./src/inputs/known-issues.ts
// The inputs of the waivers: `known-issues` (the team's file of known issues, in the workspace) and
// `known-issues-from` (whether the pull request's own copy may waive, or only the base's). Pure:
// the file itself is read by known-issues-file.ts, before any request.




function parseKnownIssues(source, attempt) {
    return { knownIssues: attempt(() => parseKnownIssuesInput(source), null) };
}
function parseKnownIssuesInput(source) {
    const file = source.read(constants/* Inputs */.G0.KnownIssues).trim();
    const fromRaw = source.read(constants/* Inputs */.G0.KnownIssuesFrom).trim();
    const from = parseChoice(constants/* Inputs */.G0.KnownIssuesFrom, fromRaw, 'workspace', [
        'workspace',
        'base'
    ]);
    if (!file) {
        if (from === 'base') {
            throw new InputError(`Input '${constants/* Inputs */.G0.KnownIssuesFrom}' is "base", but '${constants/* Inputs */.G0.KnownIssues}' is empty: name the file of known issues, ` +
                `such as known-issues: .github/testerarmy-known-issues.yml.`);
        }
        return null;
    }
    if (file.includes('\u0000') || /[\r\n]/.test(file)) {
        throw new InputError(`Input '${constants/* Inputs */.G0.KnownIssues}' is ${quote(file)}: expected the path of a YAML file in the repository, such as .github/testerarmy-known-issues.yml.`);
    }
    const workspace = external_node_path_.resolve(source.env.GITHUB_WORKSPACE?.trim() || process.cwd());
    const absolute = external_node_path_.resolve(workspace, file);
    const relative = (0,guards/* pathInside */._l)(workspace, absolute);
    if (relative === null) {
        throw new InputError(`Input '${constants/* Inputs */.G0.KnownIssues}' is ${quote(file)}, which is outside the workspace (${workspace}): ` +
            `the file of known issues must be part of the repository, reviewed like code.`);
    }
    return {
        file,
        path: absolute,
        workspace,
        repoPath: relative.split(external_node_path_.sep).join('/'),
        from
    };
}

;// CONCATENATED MODULE: ./src/inputs/publishing.ts
// The inputs of where the verdict is shown: the job summary, annotations, the report files, the
// pull-request comment and the commit status. Pure.




/** `githubToken`: the token read (and masked) already, which the commit status needs. */
function parsePublishing(source, attempt, githubToken) {
    return {
        comment: attempt(() => parseComment(source.read(constants/* Inputs */.G0.Comment)), 'off'),
        commitStatus: attempt(() => parseCommitStatus(source, githubToken), null),
        summary: attempt(() => parseSummaryMode(source.read(constants/* Inputs */.G0.Summary)), 'always'),
        annotations: attempt(() => parseBoolean(constants/* Inputs */.G0.Annotations, source.read(constants/* Inputs */.G0.Annotations), true), true),
        reportPath: attempt(() => parseReportPath(source.read(constants/* Inputs */.G0.ReportPath), source.env), '')
    };
}
function parseSummaryMode(raw) {
    const value = raw.trim().toLowerCase();
    if (value === 'true')
        return 'always';
    if (value === 'false')
        return 'never';
    return parseChoice(constants/* Inputs */.G0.Summary, raw, 'always', ['always', 'on-failure', 'never']);
}
/** `commit-status` and its `status-context`: one line GitHub shows beside the commit. */
function parseCommitStatus(source, githubToken) {
    if (!parseBoolean(constants/* Inputs */.G0.CommitStatus, source.read(constants/* Inputs */.G0.CommitStatus), false))
        return null;
    const raw = source.read(constants/* Inputs */.G0.StatusContext);
    const context = raw.trim() || 'TesterArmy';
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(context)) {
        throw new InputError(`Input '${constants/* Inputs */.G0.StatusContext}' is ${quote(raw)}: expected one line, such as TesterArmy or TesterArmy / web.`);
    }
    if (!githubToken) {
        throw new InputError(`Input '${constants/* Inputs */.G0.GithubToken}' is empty, but ${constants/* Inputs */.G0.CommitStatus} is true: the commit status is posted with it ` +
            `(the default, \${{ github.token }}, works with permissions: statuses: write).`);
    }
    return { context };
}
/** `comment`: a boolean, or `auto` (comment unless TesterArmy comments itself). */
function parseComment(raw) {
    if (raw.trim().toLowerCase() === 'auto')
        return 'auto';
    try {
        return parseBoolean(constants/* Inputs */.G0.Comment, raw, false) ? 'on' : 'off';
    }
    catch {
        throw new InputError(`Input '${constants/* Inputs */.G0.Comment}' is ${quote(raw.trim())}: expected true, false or auto.`);
    }
}
function parseReportPath(raw, env) {
    const value = raw.trim();
    if (value.includes('\u0000')) {
        throw new InputError(`Input '${constants/* Inputs */.G0.ReportPath}' is ${quote(value)}: expected a file path.`);
    }
    if (value)
        return external_node_path_.resolve(value);
    const dir = env.RUNNER_TEMP?.trim() || external_node_os_namespaceObject.tmpdir();
    return external_node_path_.resolve(dir, 'testerarmy-report.json');
}

;// CONCATENATED MODULE: ./src/inputs/runs.ts
// The inputs that say which runs to wait for: given run IDs, or what to start (a saved test, a group,
// the exploration agent on a pull request) with the options each start request takes. Pure.



const TEST_INPUTS = [
    constants/* Inputs */.G0.Mode,
    constants/* Inputs */.G0.Platform,
    constants/* Inputs */.G0.DeviceModel,
    constants/* Inputs */.G0.AppId,
    constants/* Inputs */.G0.EnvironmentId
];
const GROUP_INPUTS = [
    constants/* Inputs */.G0.Platform,
    constants/* Inputs */.G0.DeviceModel,
    constants/* Inputs */.G0.AppId,
    constants/* Inputs */.G0.EnvironmentId,
    constants/* Inputs */.G0.TargetUrl,
    constants/* Inputs */.G0.Environment
];
/** What `DynamicPrRunRequest` takes (device model, mode and environments it does not). */
const AGENT_INPUTS = [
    constants/* Inputs */.G0.ProjectId,
    constants/* Inputs */.G0.Platform,
    constants/* Inputs */.G0.AppId,
    constants/* Inputs */.G0.TargetUrl,
    constants/* Inputs */.G0.PrNumber,
    constants/* Inputs */.G0.SimulatorRegion
];
/** Every option of a start request: any of them without a start would be ignored without a word. */
const START_INPUTS = [...new Set([...TEST_INPUTS, ...GROUP_INPUTS, ...AGENT_INPUTS])];
/** A TesterArmy project's short ID: letters, digits, `-` and `_` (it goes into a URL path). */
const SHORT_ID = /^[A-Za-z0-9_-]{1,64}$/;
/**
 * `project-id`, checked once for the two things that need it (the exploration agent starts in the
 * project, app-path uploads to it): a UUID (lower-cased, like every ID) or a short ID; '' when empty
 * and nothing needs it. Given while nothing needs it is refused with the other start inputs.
 */
function parseProjectId(source) {
    const projectId = source.read(constants/* Inputs */.G0.ProjectId).trim();
    const neededBy = [
        ...(agentWanted(source) ? [constants/* Inputs */.G0.ExplorationAgent] : []),
        ...(source.read(constants/* Inputs */.G0.AppPath).trim() ? [constants/* Inputs */.G0.AppPath] : [])
    ];
    if (!projectId) {
        if (neededBy.length === 0)
            return '';
        throw new InputError(`Input '${constants/* Inputs */.G0.ProjectId}' is required with ${neededBy.join(' and ')}: the TesterArmy project ` +
            `${neededBy.includes(constants/* Inputs */.G0.AppPath) ? 'the build is uploaded to' : 'to test'} (its UUID or short ID, from the project's settings).`);
    }
    if ((0,guards/* isUuid */.O1)(projectId))
        return projectId.toLowerCase();
    if (SHORT_ID.test(projectId))
        return projectId;
    throw new InputError(`Input '${constants/* Inputs */.G0.ProjectId}' is ${quote(projectId)}, which is not a project ID: expected a project UUID or short ID ` +
        `(up to 64 letters, digits, - and _).`);
}
/** `exploration-agent: true`; a value that is not a boolean is reported by parseTarget, once. */
function agentWanted(source) {
    try {
        return parseBoolean(constants/* Inputs */.G0.ExplorationAgent, source.read(constants/* Inputs */.G0.ExplorationAgent), false);
    }
    catch {
        return false;
    }
}
/**
 * Which runs to wait for: exactly one of run-id, test-id and group-id, or the exploration agent
 * (alone or with test-id or group-id), or app-path alone (upload only), with the inputs each start
 * request takes.
 */
function parseTarget(source, projectId) {
    const agentOn = parseBoolean(constants/* Inputs */.G0.ExplorationAgent, source.read(constants/* Inputs */.G0.ExplorationAgent), false);
    const uploading = source.read(constants/* Inputs */.G0.AppPath).trim() !== '';
    const given = [constants/* Inputs */.G0.RunId, constants/* Inputs */.G0.TestId, constants/* Inputs */.G0.GroupId].filter(name => source.read(name).trim() !== '');
    // `app-path` alone uploads the build and starts nothing; `platform` then only checks the build.
    if (given.length === 0 && !agentOn && uploading) {
        // project-id is where the build goes; app-id is refused by parseUpload, once.
        const stray = START_INPUTS.find(n => n !== constants/* Inputs */.G0.Platform &&
            n !== constants/* Inputs */.G0.ProjectId &&
            n !== constants/* Inputs */.G0.AppId &&
            source.read(n).trim() !== '');
        if (stray) {
            throw new InputError(`Input '${stray}' is ${quote(source.read(stray).trim())}, but it applies only when the action starts a run ` +
                `(${constants/* Inputs */.G0.TestId}, ${constants/* Inputs */.G0.GroupId} or ${constants/* Inputs */.G0.ExplorationAgent}); ${constants/* Inputs */.G0.AppPath} alone only uploads the build.`);
        }
        return { runIds: [], start: null, agent: null };
    }
    if (given.length === 0 && !agentOn) {
        throw new InputError(`One of '${constants/* Inputs */.G0.RunId}', '${constants/* Inputs */.G0.TestId}', '${constants/* Inputs */.G0.GroupId}' or '${constants/* Inputs */.G0.ExplorationAgent}: true' is required: ` +
            `the run(s) to wait for, the test or group to start a run of, or the pull request to test ` +
            `(or '${constants/* Inputs */.G0.AppPath}' alone, to upload a build).`);
    }
    if (given.length > 1) {
        throw new InputError(`Inputs ${given.map(n => `'${n}'`).join(' and ')} are both set: give exactly one of '${constants/* Inputs */.G0.RunId}' ` +
            `(wait for runs started elsewhere), '${constants/* Inputs */.G0.TestId}' or '${constants/* Inputs */.G0.GroupId}' (start a run and wait for it).`);
    }
    const kind = given[0];
    if (agentOn && kind === constants/* Inputs */.G0.RunId) {
        throw new InputError(`Inputs '${constants/* Inputs */.G0.ExplorationAgent}' and '${constants/* Inputs */.G0.RunId}' are both set: the exploration agent starts a run, ` +
            `while ${constants/* Inputs */.G0.RunId} waits for runs started elsewhere; give one of them.`);
    }
    if (kind === constants/* Inputs */.G0.RunId && uploading)
        return { runIds: [], start: null, agent: null }; // reported by parseUpload, once
    const takes = new Set([
        ...(kind === constants/* Inputs */.G0.TestId ? TEST_INPUTS : kind === constants/* Inputs */.G0.GroupId ? GROUP_INPUTS : []),
        ...(agentOn ? AGENT_INPUTS : []),
        // The project the build is uploaded to.
        ...(uploading ? [constants/* Inputs */.G0.ProjectId] : [])
    ]);
    const runName = kind === constants/* Inputs */.G0.TestId ? 'test run' : 'group run';
    for (const name of START_INPUTS) {
        const value = source.read(name).trim();
        if (!value || takes.has(name))
            continue;
        const takers = [
            ...(TEST_INPUTS.includes(name) ? [constants/* Inputs */.G0.TestId] : []),
            ...(GROUP_INPUTS.includes(name) ? [constants/* Inputs */.G0.GroupId] : []),
            ...(AGENT_INPUTS.includes(name) ? [constants/* Inputs */.G0.ExplorationAgent] : []),
            ...(name === constants/* Inputs */.G0.ProjectId ? [constants/* Inputs */.G0.AppPath] : [])
        ]
            .join(', ')
            .replace(/, ([^,]*)$/, ' and $1');
        const why = kind === constants/* Inputs */.G0.RunId
            ? `it applies only when the action starts a run (${constants/* Inputs */.G0.TestId}, ${constants/* Inputs */.G0.GroupId} or ${constants/* Inputs */.G0.ExplorationAgent}); with ${constants/* Inputs */.G0.RunId} the run already exists`
            : !agentOn
                ? `a ${runName} does not take it; it applies to ${takers} only`
                : kind
                    ? `neither the ${runName} nor the exploration agent takes it; it applies to ${takers} only`
                    : `the exploration agent does not take it; it applies to ${takers} only`;
        throw new InputError(`Input '${name}' is ${quote(value)}, but ${why}.`);
    }
    if (kind === constants/* Inputs */.G0.RunId) {
        return { runIds: parseRunIds(source.read(constants/* Inputs */.G0.RunId)), start: null, agent: null };
    }
    const option = (name, check) => {
        const value = source.read(name).trim();
        return value ? check(value) : undefined;
    };
    const choice = (name, choices) => (value) => parseChoice(name, value, '', choices);
    const shared = {
        platform: option(constants/* Inputs */.G0.Platform, choice(constants/* Inputs */.G0.Platform, ['web', 'ios', 'android'])),
        deviceModel: option(constants/* Inputs */.G0.DeviceModel, choice(constants/* Inputs */.G0.DeviceModel, ['iphone', 'ipad'])),
        appId: option(constants/* Inputs */.G0.AppId, value => parseUuid(constants/* Inputs */.G0.AppId, value, 'a mobile app ID')),
        environmentId: option(constants/* Inputs */.G0.EnvironmentId, value => parseUuid(constants/* Inputs */.G0.EnvironmentId, value, 'a project environment ID'))
    };
    const targetUrl = option(constants/* Inputs */.G0.TargetUrl, parseTargetUrl);
    const agent = agentOn
        ? parseAgent(source, { ...shared, projectId, uploading }, targetUrl, kind !== undefined)
        : null;
    const starting = (start) => ({ runIds: [], start, agent });
    if (kind === constants/* Inputs */.G0.TestId) {
        return starting({
            kind: 'test',
            id: parseUuid(constants/* Inputs */.G0.TestId, source.read(constants/* Inputs */.G0.TestId), 'a test ID'),
            mode: option(constants/* Inputs */.G0.Mode, choice(constants/* Inputs */.G0.Mode, ['fast', 'deep'])),
            ...shared
        });
    }
    if (kind === constants/* Inputs */.G0.GroupId) {
        return starting({
            kind: 'group',
            id: parseUuid(constants/* Inputs */.G0.GroupId, source.read(constants/* Inputs */.G0.GroupId), 'a test group ID'),
            ...shared,
            targetUrl,
            environment: option(constants/* Inputs */.G0.Environment, choice(constants/* Inputs */.G0.Environment, ['production', 'staging', 'preview', 'custom']))
        });
    }
    return starting(null);
}
/**
 * The agent's inputs, refused here when `DynamicPrRunRequest` would refuse them. With app-path the
 * agent tests the uploaded build: its platform is the input's, or '' to take the app's once known.
 */
function parseAgent(source, shared, targetUrl, withOtherRuns) {
    const { projectId, uploading } = shared;
    const prRaw = source.read(constants/* Inputs */.G0.PrNumber).trim().replace(/^#/, '');
    if (prRaw && !/^[1-9]\d{0,9}$/.test(prRaw)) {
        throw new InputError(`Input '${constants/* Inputs */.G0.PrNumber}' is ${quote(source.read(constants/* Inputs */.G0.PrNumber).trim())}: expected a pull request number such as 42.`);
    }
    // app-path uploads a mobile build (parseUpload refuses platform: web), so no web default then.
    const platform = (shared.platform ?? (uploading ? '' : 'web'));
    const region = source.read(constants/* Inputs */.G0.SimulatorRegion).trim().toLowerCase();
    if (platform === 'web' && uploading) {
        // refused by parseUpload, once
    }
    else if (platform === 'web') {
        if (region) {
            throw new InputError(`Input '${constants/* Inputs */.G0.SimulatorRegion}' is ${quote(region)}, but the platform is web: a simulator region applies to ios and android only.`);
        }
        if (shared.appId && !withOtherRuns) {
            throw new InputError(`Input '${constants/* Inputs */.G0.AppId}' is ${quote(shared.appId)}, but the platform is web: the exploration agent tests a web app at ${constants/* Inputs */.G0.TargetUrl}; set ${constants/* Inputs */.G0.Platform}: ios or android to test an app.`);
        }
        // On deployment_status the deployment's own URL is the default, read from the event later.
        if (!targetUrl && source.event?.name !== 'deployment_status') {
            throw new InputError(`Input '${constants/* Inputs */.G0.TargetUrl}' is required with ${constants/* Inputs */.G0.ExplorationAgent} on the web: the URL of the deployment ` +
                `to test, such as a preview of the pull request (on deployment_status events it defaults to the deployment's URL).`);
        }
    }
    else {
        if (targetUrl && uploading) {
            throw new InputError(`Input '${constants/* Inputs */.G0.TargetUrl}' is ${quote(targetUrl)}, but ${constants/* Inputs */.G0.AppPath} uploads a mobile build: the exploration ` +
                `agent tests that app, not a URL; leave ${constants/* Inputs */.G0.TargetUrl} empty.`);
        }
        if (targetUrl) {
            throw new InputError(`Input '${constants/* Inputs */.G0.TargetUrl}' is ${quote(targetUrl)}, but the platform is ${platform}: the exploration agent tests ` +
                `the app given by ${constants/* Inputs */.G0.AppId} there, not a URL; leave ${constants/* Inputs */.G0.TargetUrl} empty or set ${constants/* Inputs */.G0.Platform}: web.`);
        }
        if (region && !SIMULATOR_REGIONS.includes(region)) {
            throw new InputError(`Input '${constants/* Inputs */.G0.SimulatorRegion}' is ${quote(region)}: expected one of ${SIMULATOR_REGIONS.join(', ')}.`);
        }
    }
    return {
        projectId,
        platform,
        ...(targetUrl ? { targetUrl } : {}),
        ...(platform !== 'web' && shared.appId ? { appId: shared.appId } : {}),
        ...(region ? { simulatorRegion: region } : {}),
        prNumber: prRaw ? Number(prRaw) : 0
    };
}
const SIMULATOR_REGIONS = ['eu-north1', 'us-west1'];
function parseTargetUrl(value) {
    // Sent exactly as written: a preview URL's path or missing trailing slash can matter to its host.
    if ((0,guards/* isHttpUrl */.q$)(value)) {
        // A branch name put into the host (`https://${branch}.preview.example.com`) may hold `@` and
        // `/` (`a@evil.example/x`): the part before the `@` becomes user info, and the host moves.
        const { username, password, hostname } = new URL(value);
        if (!username && !password)
            return value;
        throw new InputError(`Input '${constants/* Inputs */.G0.TargetUrl}' is ${quote(value)}: it holds user info (the part before @), which moves the host to ${hostname}; ` +
            'build the URL from something that cannot hold @ or / (the pull request number, or a slug of the branch).');
    }
    throw new InputError(`Input '${constants/* Inputs */.G0.TargetUrl}' is ${quote(value)}: expected the http(s) URL of the deployment to test, such as https://preview-42.example.com.`);
}
function parseRunIds(raw) {
    const tokens = raw.split(/[\s,]+/).filter(Boolean);
    if (tokens.length === 0) {
        throw new InputError(`Input '${constants/* Inputs */.G0.RunId}' is required: one or more TesterArmy run IDs (UUIDs), separated by ` +
            `commas, spaces or newlines.`);
    }
    const bad = tokens.filter(t => !(0,guards/* isUuid */.O1)(t));
    if (bad.length > 0) {
        const shown = bad.slice(0, 3).map(quote).join(', ') + (bad.length > 3 ? ` and ${bad.length - 3} more` : '');
        throw new InputError(`Input '${constants/* Inputs */.G0.RunId}' has ${shown}, which ${bad.length === 1 ? 'is not a run ID' : 'are not run IDs'}: ` +
            `expected UUIDs such as 3fa85f64-5717-4562-b3fc-2c963f66afa6, separated by commas, spaces or newlines.`);
    }
    return (0,guards/* uniqueRunIds */.tj)(tokens);
}

;// CONCATENATED MODULE: ./src/inputs/reports.ts
// The inputs of a matrix: `leg` (a leg's name in the combined report) and reports mode (`reports`,
// `expected-reports`), where a last job gathers the legs' report files into one verdict. Pure.



/** A leg's name is shown in tables and lines: one line, and short enough for a table cell. */
const MAX_LEG_CHARS = 100;
/** Ways of running that reports mode replaces: given with `reports`, one of them is a mistake. */
const RUNNING_INPUTS = [
    constants/* Inputs */.G0.RunId,
    constants/* Inputs */.G0.TestId,
    constants/* Inputs */.G0.GroupId,
    constants/* Inputs */.G0.ExplorationAgent,
    constants/* Inputs */.G0.AppPath
];
/**
 * What each leg decides for itself (fail-on, min-severity, retries, waivers); the gathering job
 * keeps the legs' verdicts and never judges their runs again, so another value there would change
 * nothing. Each with its default (action.yml),
 * since the runner always passes one.
 */
const LEG_DECIDES = [
    [constants/* Inputs */.G0.MinSeverity, '1'],
    [constants/* Inputs */.G0.OnFlaky, 'pass'],
    [constants/* Inputs */.G0.RetryFailed, '0'],
    // Waivers too: a leg's report already lists what its known issues waived.
    [constants/* Inputs */.G0.KnownIssues, ''],
    [constants/* Inputs */.G0.KnownIssuesFrom, 'workspace']
];
/** Only the default `true` counts as unset: the runner passes action.yml's default. */
const isSet = (name, value) => value !== '' && !(name === constants/* Inputs */.G0.ExplorationAgent && value.toLowerCase() === 'false');
/**
 * The matrix inputs, and in reports mode every input that would be ignored refused by name: each
 * bad one through `attempt`, so all are reported at once.
 */
function parseMatrix(source, attempt) {
    const patterns = source.read(constants/* Inputs */.G0.Reports).trim();
    const expectedRaw = source.read(constants/* Inputs */.G0.ExpectedReports).trim();
    const leg = attempt(() => parseLeg(source.read(constants/* Inputs */.G0.Leg)), '');
    if (!patterns) {
        // `1` is action.yml's default, passed by the runner whether or not the workflow gave it.
        if (expectedRaw && expectedRaw !== '1') {
            attempt(() => {
                throw new InputError(`Input '${constants/* Inputs */.G0.ExpectedReports}' is ${quote(expectedRaw)}, but '${constants/* Inputs */.G0.Reports}' is empty: ` +
                    `expected-reports applies only to the job that gathers the legs' reports (reports mode).`);
            }, undefined);
        }
        return { leg, reports: null };
    }
    for (const problem of ignoredInputs(source, patterns, leg)) {
        attempt(() => {
            throw new InputError(problem);
        }, undefined);
    }
    const expected = attempt(() => parseExpected(expectedRaw), { count: 1 });
    return { leg: '', reports: { patterns, expected } };
}
/** In reports mode: each input given that it would ignore, as an error message. */
function ignoredInputs(source, patterns, leg) {
    const problems = [];
    const refuse = (name, value, why) => problems.push(`Input '${name}' is ${quote(value)}, but '${constants/* Inputs */.G0.Reports}' is set: ${why}.`);
    if (patterns.includes('\u0000')) {
        problems.push(`Input '${constants/* Inputs */.G0.Reports}' is ${quote(patterns)}: expected glob patterns of report files, one a line, such as testerarmy-reports/**/*.json.`);
    }
    for (const name of [...RUNNING_INPUTS, ...START_INPUTS]) {
        const value = source.read(name).trim();
        if (!isSet(name, value))
            continue;
        refuse(name, value, RUNNING_INPUTS.includes(name)
            ? `reports mode gathers the reports the legs wrote and starts or waits for nothing: give ${constants/* Inputs */.G0.Reports} in the gathering job and ${name} in the legs`
            : 'it applies only when the action starts a run, and reports mode starts nothing');
    }
    if (leg) {
        refuse(constants/* Inputs */.G0.Leg, leg, "leg names a leg's report, and the gathering job writes the combined one; give leg in the legs");
    }
    for (const [name, fallback] of LEG_DECIDES) {
        const value = source.read(name).trim();
        if (value && value.toLowerCase() !== fallback) {
            refuse(name, value, `each leg's verdict is kept as the leg decided it, so set ${name} in the legs (the gathering job takes only the default${fallback ? `, ${fallback}` : ', empty'})`);
        }
    }
    const failOn = source.read(constants/* Inputs */.G0.FailOn).trim();
    if (failOn.toLowerCase() === 'warnings') {
        refuse(constants/* Inputs */.G0.FailOn, failOn, "each leg's verdict is kept as the leg decided it, so set fail-on: warnings in the legs; the gathering job takes failed (fail the step on the combined verdict) or never");
    }
    return problems;
}
function parseLeg(raw) {
    const value = raw.trim();
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(value) || Array.from(value).length > MAX_LEG_CHARS) {
        throw new InputError(`Input '${constants/* Inputs */.G0.Leg}' is ${quote(value)}: expected one line of at most ${MAX_LEG_CHARS} characters, ` +
            `such as web or \${{ matrix.platform }}.`);
    }
    return value;
}
/** A count of at least 1, or leg names separated by commas or newlines (each once). */
function parseExpected(raw) {
    const value = raw || '1';
    if (/^\d+$/.test(value)) {
        const count = Number(value);
        if (count >= 1 && count <= MAX_EXPECTED)
            return { count };
        throw new InputError(`Input '${constants/* Inputs */.G0.ExpectedReports}' is ${quote(value)}: expected how many legs must report (1 to ${MAX_EXPECTED}), ` +
            `or their names separated by commas or newlines.`);
    }
    const names = [
        ...new Set(value
            .split(/[,\n]/)
            .map(name => name.trim())
            .filter(Boolean))
    ];
    const bad = names.find(
    // eslint-disable-next-line no-control-regex
    name => /[\u0000-\u001f\u007f]/.test(name) || Array.from(name).length > MAX_LEG_CHARS);
    if (bad !== undefined || names.length === 0 || names.length > MAX_EXPECTED) {
        throw new InputError(`Input '${constants/* Inputs */.G0.ExpectedReports}' is ${quote(value)}: expected how many legs must report (1 to ${MAX_EXPECTED}), ` +
            `or their names (each at most ${MAX_LEG_CHARS} characters) separated by commas or newlines.`);
    }
    return { names };
}
/** GitHub runs at most 256 jobs of one matrix. */
const MAX_EXPECTED = 256;

// EXTERNAL MODULE: ./src/upload/app-path.ts
var app_path = __nccwpck_require__(5648);
;// CONCATENATED MODULE: ./src/inputs/upload.ts
// The inputs of a build made in the workflow (`app-path`), uploaded before any run starts on it. Pure.



/**
 * `app-path` with how long the build is kept; null without `app-path`. The project is `project-id`,
 * checked by parseProjectId ('' when it was refused there).
 */
function parseUpload(source, projectId) {
    const path = source.read(constants/* Inputs */.G0.AppPath).trim();
    if (!path)
        return null;
    if (source.read(constants/* Inputs */.G0.RunId).trim()) {
        throw new InputError(`Inputs '${constants/* Inputs */.G0.AppPath}' and '${constants/* Inputs */.G0.RunId}' are both set: an uploaded build is used by the runs this action starts ` +
            `(${constants/* Inputs */.G0.TestId}, ${constants/* Inputs */.G0.GroupId}, ${constants/* Inputs */.G0.ExplorationAgent}); runs given by ${constants/* Inputs */.G0.RunId} already exist.`);
    }
    const appId = source.read(constants/* Inputs */.G0.AppId).trim();
    if (appId) {
        throw new InputError(`Inputs '${constants/* Inputs */.G0.AppPath}' and '${constants/* Inputs */.G0.AppId}' are both set: the runs use the build uploaded from ${constants/* Inputs */.G0.AppPath}; ` +
            `give ${constants/* Inputs */.G0.AppId} ${quote(appId)} alone to test an app uploaded earlier.`);
    }
    const removeAfter = (0,app_path/* parseRemoveAfter */.QS)(source.read(constants/* Inputs */.G0.AppRemoveAfter) || '24h');
    if ('message' in removeAfter)
        throw new InputError(removeAfter.message);
    const platform = source.read(constants/* Inputs */.G0.Platform).trim().toLowerCase();
    if (platform && platform !== 'ios' && platform !== 'android') {
        throw new InputError(`Input '${constants/* Inputs */.G0.Platform}' is ${quote(platform)}, but '${constants/* Inputs */.G0.AppPath}' uploads a mobile build: expected ios, android, or empty to take the app's.`);
    }
    return { path, projectId, removeAfterS: removeAfter.seconds, platform };
}

;// CONCATENATED MODULE: ./src/inputs/verdict.ts
// The inputs of the verdict: which findings fail it (`fail-on`, `min-severity`) and what a run that
// fails and is started again counts as (`retry-failed`, `on-flaky`). Pure.


const FAIL_ON = ['failed', 'warnings', 'never'];
function parseVerdict(source, attempt) {
    return {
        failOn: attempt(() => parseChoice(constants/* Inputs */.G0.FailOn, source.read(constants/* Inputs */.G0.FailOn), 'failed', FAIL_ON), 'failed'),
        minSeverity: attempt(() => parseMinSeverity(source.read(constants/* Inputs */.G0.MinSeverity)), 1),
        retryFailed: attempt(() => parseRetryFailed(source.read(constants/* Inputs */.G0.RetryFailed)), 0),
        onFlaky: attempt(() => parseChoice(constants/* Inputs */.G0.OnFlaky, source.read(constants/* Inputs */.G0.OnFlaky), 'pass', ['pass', 'fail']), 'pass')
    };
}
function parseMinSeverity(raw) {
    const value = raw.trim() || '1';
    if (/^[1-5]$/.test(value))
        return Number(value);
    throw new InputError(`Input '${constants/* Inputs */.G0.MinSeverity}' is ${quote(value)}: expected a whole number from 1 (minor) to 5 (critical).`);
}
function parseRetryFailed(raw) {
    const value = raw.trim() || '0';
    if (/^[0-9]$/.test(value) && Number(value) <= constants/* Limits */.xu.maxRetries)
        return Number(value);
    throw new InputError(`Input '${constants/* Inputs */.G0.RetryFailed}' is ${quote(value)}: expected a whole number from 0 (no retry) to ${constants/* Limits */.xu.maxRetries}.`);
}

;// CONCATENATED MODULE: ./src/inputs/settings.ts
// Turns the workflow's inputs into one typed, validated Settings object, before any request: each
// capability's inputs are parsed by its own module, and every bad input is reported in one go.










function parseSettings(source) {
    const errors = [];
    const attempt = (parse, fallback) => {
        try {
            return parse();
        }
        catch (error) {
            if (error instanceof InputError) {
                errors.push(error);
                return fallback;
            }
            throw error;
        }
    };
    // Reports mode reads files and sends TesterArmy nothing: no key needed (one given is still masked).
    const gathering = source.read(constants/* Inputs */.G0.Reports).trim() !== '';
    // The secrets first: they must be masked before any other message could echo them.
    const apiKey = gathering ? maskedKey(source) : attempt(() => parseApiKey(source), '');
    const githubToken = source.read(constants/* Inputs */.G0.GithubToken).trim();
    if (githubToken)
        source.onSecret(githubToken);
    const publishing = parsePublishing(source, attempt, githubToken);
    const matrix = parseMatrix(source, attempt);
    // One check of project-id for the agent and the upload, which both need it; in reports mode
    // parseMatrix refuses every input of a start instead.
    const projectId = gathering ? '' : attempt(() => parseProjectId(source), '');
    const noTarget = { runIds: [], start: null, agent: null };
    const target = gathering ? noTarget : attempt(() => parseTarget(source, projectId), noTarget);
    const settings = {
        apiKey,
        githubToken,
        upload: gathering ? null : attempt(() => parseUpload(source, projectId), null),
        ...matrix,
        ...target,
        ...publishing,
        ...parseConnection(source, attempt),
        ...parseVerdict(source, attempt),
        // In reports mode the legs' reports already say what their known issues waived.
        ...(gathering ? { knownIssues: null } : parseKnownIssues(source, attempt))
    };
    if (errors.length > 0)
        throw new InputErrors(errors);
    return settings;
}
/** The key as given, masked and otherwise unused: reports mode sends no request to TesterArmy. */
function maskedKey(source) {
    const key = source.read(constants/* Inputs */.G0.ApiKey).trim() || (source.env[constants/* API_KEY_ENV */.rg] ?? '').trim();
    if (key)
        source.onSecret(key);
    return key;
}

;// CONCATENATED MODULE: ./src/lifecycle.ts
// The step's lifetime against the runner: its cancel signals, the abort they trigger, and the hard
// exit that makes sure the process is gone, step failed, before the runner kills it.


/**
 * The runner cancels a step with SIGINT, then SIGTERM 7.5 s later, then kills the process tree
 * 2.5 s after that; some runner versions send SIGHUP instead.
 */
const lifecycle_CANCEL_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/**
 * Listens for the runner's cancellation for the whole run, so a second signal cannot kill the
 * process halfway through writing the report. A signal held while the action loaded counts as the
 * first one.
 */
function watchCancellation(signals, held) {
    const cancel = new AbortController();
    let hardExit;
    let exitAt = null;
    let exitLine = 'TesterArmy: the workflow was cancelled; the report could not be written in time.';
    const onSignal = (signal) => {
        if (cancel.signal.aborted)
            return;
        core/* warning */.$e(`Received ${signal}: the workflow is being cancelled; stopping the wait.`);
        cancel.abort();
        // The runner kills the process a few seconds after its first signal: make sure we are gone
        // first, with the step marked failed, even if something still hangs.
        exitAt = Date.now() + constants/* Limits */.xu.cancelExitMs;
        hardExit = setTimeout(() => {
            core/* setFailed */.C1(exitLine);
            process.exit(1);
        }, constants/* Limits */.xu.cancelExitMs);
        hardExit.unref();
    };
    for (const signal of lifecycle_CANCEL_SIGNALS)
        signals.on(signal, onSignal);
    // Our listeners are on: the holder can go, and what it caught is handled now.
    held?.release();
    const first = held?.received[0];
    if (first)
        onSignal(first);
    return {
        signal: cancel.signal,
        setExitLine: line => {
            exitLine = line;
        },
        exitAt: () => exitAt,
        dispose: () => {
            clearTimeout(hardExit);
            for (const signal of lifecycle_CANCEL_SIGNALS)
                signals.off(signal, onSignal);
        }
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: ./src/escape.ts
var src_escape = __nccwpck_require__(2988);
// EXTERNAL MODULE: ./src/labels.ts
var labels = __nccwpck_require__(4584);
// EXTERNAL MODULE: ./src/verdict/build-report.ts + 2 modules
var build_report = __nccwpck_require__(9416);
;// CONCATENATED MODULE: ./src/report/known-issues-notes.ts
// What the log and the annotations say about the file of known issues itself, once it is settled:
// how many entries, which ones this pull request adds, which ones expired, and why the base's copy
// could not be checked. Expired entries are warnings, so waivers cannot be forgotten. Pure: the
// caller says them through @actions/core.


/** The annotations' title, which a reader (and the tests) tell them by. */
const KNOWN_ISSUES_TITLE = { title: 'TesterArmy known issues' };
/** Expired entries named one warning each, up to this many; the rest are counted in one more. */
const EXPIRED_NAMED = 5;
/** An entry as a log names it: its line and what it matches. */
function entryLabel(entry) {
    const what = [
        entry.name !== undefined ? `name "${entry.name}"` : '',
        entry.page !== undefined ? `page ${entry.page}` : '',
        entry.test !== undefined ? `test "${entry.test}"` : ''
    ].filter(Boolean);
    return `line ${entry.line} (${(0,src_escape/* logText */.kc)(what.join(', '), 160)})`;
}
function knownIssuesNotes(knownIssues) {
    const { entries, file, base, from } = knownIssues;
    const notes = [];
    const added = entries.filter(e => e.origin === 'added');
    const expired = entries.filter(e => e.notInForce === 'expired');
    const inForce = entries.filter(e => !e.notInForce);
    const defaultBranch = 'against' in base && base.against === 'default-branch';
    const reviewed = defaultBranch ? "the default branch's copy" : "the base commit's copy";
    const where = base.kind === 'read'
        ? `; compared with ${reviewed}: ${added.length} ${(0,labels/* addedWords */.Kp)(base.against)}`
        : base.kind === 'new-file'
            ? `; ${defaultBranch ? 'the default branch' : 'the base commit'} has no such file: every entry is ${(0,labels/* addedWords */.Kp)(base.against)}`
            : base.kind === 'unverified'
                ? '; its reviewed copy could not be read: entries unverified'
                : '';
    notes.push({
        level: 'info',
        message: `Known issues: ${(0,labels/* plural */.LS)(entries.length, 'entry', 'entries')} in ${file}, ${inForce.length} in force${where}.`
    });
    if (base.kind === 'unverified') {
        notes.push({
            level: 'warning',
            message: `Could not check ${file} against its reviewed copy: ${(0,src_escape/* logText */.kc)(base.reason, 300)}. ` +
                (from === 'base'
                    ? 'With known-issues-from: base, no entry waives anything (it fails closed).'
                    : 'Its entries still waive findings, shown as unverified in the summary and the comment.')
        });
    }
    if (added.length > 0) {
        const lines = added.slice(0, 10).map(e => e.line);
        notes.push({
            level: 'notice',
            message: (defaultBranch
                ? `${(0,labels/* plural */.LS)(added.length, 'entry', 'entries')} of ${file} ${added.length === 1 ? 'is' : 'are'} not on the default branch (line${added.length === 1 ? '' : 's'} `
                : `This pull request adds ${(0,labels/* plural */.LS)(added.length, 'entry', 'entries')} to ${file} (line${added.length === 1 ? '' : 's'} `) +
                `${lines.join(', ')}${added.length > lines.length ? ', …' : ''}): ` +
                (from === 'base'
                    ? 'with known-issues-from: base they waive nothing until they are merged.'
                    : `review ${added.length === 1 ? 'it' : 'them'} before merging.`)
        });
    }
    for (const entry of expired.slice(0, EXPIRED_NAMED)) {
        notes.push({
            level: 'warning',
            message: `The known issue at ${file} ${entryLabel(entry)} expired on ${entry.until}: it no longer waives anything. Fix the issue, or extend until after a review.`
        });
    }
    if (expired.length > EXPIRED_NAMED) {
        notes.push({
            level: 'warning',
            message: `${expired.length - EXPIRED_NAMED} more entries of ${file} have expired (see the job summary).`
        });
    }
    return notes;
}

;// CONCATENATED MODULE: ./src/report/annotations.ts
// Which annotations to emit: one per issue and warning, most severe first, within what GitHub
// shows for a step, then one notice for the rest. Pure: the caller sends them through @actions/core.





function planAnnotations(report) {
    const several = report.runs.length > 1;
    const tag = (feature, issue) => ({ feature, issue });
    const issues = report.runs.flatMap(r => r.issues.map(i => tag(r.featureName, i)));
    const warnings = report.runs.flatMap(r => r.warnings.map(w => tag(r.featureName, w)));
    const order = (a, b) => (0,build_report/* bySeverity */.Np)(a.issue, b.issue);
    issues.sort(order);
    warnings.sort(order);
    const toAnnotation = (level, { feature, issue }) => {
        const where = issue.url ? ` on ${(0,src_escape/* logText */.kc)(issue.url, 300)}` : '';
        const prefix = several && feature ? `${(0,src_escape/* logText */.kc)(feature, 100)}: ` : '';
        const description = issue.description ? `\n${(0,src_escape/* logText */.kc)(issue.description, 1_000)}` : '';
        return {
            level,
            title: (0,src_escape/* logText */.kc)(issue.name || 'Unnamed issue', 200),
            message: `${prefix}${(0,labels/* severityLabel */.yi)(issue.severity)}${where}${description}`
        };
    };
    // Flaky runs first: they share GitHub's 10 warnings with the reported warnings.
    const flaky = report.runs.filter(r => r.flaky);
    // What the file of known issues already said (expired entries, an unchecked base, entries a
    // pull request adds) shares GitHub's limits with the findings.
    const fileNotes = report.knownIssues ? knownIssuesNotes(report.knownIssues) : [];
    const fileWarnings = fileNotes.filter(n => n.level === 'warning').length;
    const fileNotices = fileNotes.filter(n => n.level === 'notice').length;
    const flakyShown = flaky.slice(0, Math.max(0, constants/* Limits */.xu.maxWarningAnnotations - fileWarnings));
    const warningRoom = Math.max(0, constants/* Limits */.xu.maxWarningAnnotations - fileWarnings - flakyShown.length);
    // A waived finding is a notice, never an error: known, reviewed, not blocking.
    const waived = report.runs
        .flatMap(r => r.waived.map(w => ({ feature: r.featureName, waiver: w })))
        .sort((a, b) => (0,build_report/* bySeverity */.Np)(a.waiver.issue, b.waiver.issue));
    const toNotice = ({ feature, waiver }) => {
        const { issue, entry } = waiver;
        const where = issue.url ? ` on ${(0,src_escape/* logText */.kc)(issue.url, 300)}` : '';
        const prefix = several && feature ? `${(0,src_escape/* logText */.kc)(feature, 100)}: ` : '';
        const ticket = entry.ticket ? ` (${(0,src_escape/* logText */.kc)(entry.ticket, 300)})` : '';
        const origin = entry.origin === 'added'
            ? ` [entry ${(0,labels/* addedWords */.Kp)(entry.comparedWith)}]`
            : entry.origin === 'unverified'
                ? ' [entry unverified]'
                : '';
        return {
            level: 'notice',
            title: (0,src_escape/* logText */.kc)(`Known issue: ${issue.name || 'Unnamed issue'}`, 200),
            message: `${prefix}${(0,labels/* severityLabel */.yi)(issue.severity)}${where}; waived by ${(0,src_escape/* logText */.kc)(report.knownIssues?.file ?? 'known-issues', 200)} line ${entry.line}${origin}: ${(0,src_escape/* logText */.kc)(entry.reason, 500)}${ticket}`
        };
    };
    // One notice is kept for the count of what is not shown.
    const noticeRoom = Math.max(0, constants/* Limits */.xu.maxNoticeAnnotations - 1 - fileNotices);
    const shown = [
        ...flakyShown.map(flakyAnnotation),
        ...issues.slice(0, constants/* Limits */.xu.maxErrorAnnotations).map(i => toAnnotation('error', i)),
        ...warnings.slice(0, warningRoom).map(w => toAnnotation('warning', w)),
        ...waived.slice(0, noticeRoom).map(toNotice)
    ];
    const hidden = Math.max(0, issues.length - constants/* Limits */.xu.maxErrorAnnotations) +
        Math.max(0, warnings.length - warningRoom) +
        Math.max(0, waived.length - noticeRoom) +
        (flaky.length - flakyShown.length);
    if (hidden > 0) {
        shown.push({
            level: 'notice',
            title: 'More TesterArmy findings',
            message: `${(0,labels/* plural */.LS)(hidden, 'more finding is', 'more findings are')} in the job summary and the JSON report (output report-path).`
        });
    }
    return shown;
}
/**
 * A flaky run, named, with what its first failed attempt found: passing or not (`on-flaky`), a
 * run that fails now and then must not pass unnoticed.
 */
function flakyAnnotation(run) {
    const attempts = (run.attempts ?? []).filter(a => a.counts);
    const failed = attempts.find(a => !a.passed);
    const name = run.featureName || `run ${run.id}`;
    const found = (failed?.issues ?? [])
        .slice(0, 5)
        .map(i => `${(0,labels/* severityLabel */.yi)(i.severity)} ${(0,src_escape/* logText */.kc)(i.name || 'Unnamed issue', 200)}`);
    const more = (failed?.issues.length ?? 0) - found.length;
    const issues = found.length
        ? `: ${found.join('; ')}${more > 0 ? `; and ${(0,labels/* plural */.LS)(more, 'more issue')}` : ''}`
        : '';
    return {
        level: 'warning',
        title: (0,src_escape/* logText */.kc)(`Flaky: ${name}`, 200),
        message: `Passed only on a retry${run.passed ? '' : ', so it fails (on-flaky: fail)'}: run ${failed?.id ?? '?'} failed ` +
            `(${(0,src_escape/* logText */.kc)(failed?.reasons.join('; ') ?? '', 300)})${issues}; run ${run.id} passed on attempt ` +
            `${attempts.findIndex(a => a.id === run.id) + 1} of ${attempts.length}.`
    };
}

// EXTERNAL MODULE: ./src/upload/upload-progress.ts
var upload_progress = __nccwpck_require__(9710);
;// CONCATENATED MODULE: ./src/upload/app-build.ts
// The summary's "App build" block: which build was uploaded and what TesterArmy made of it.
// Pure; every value from the API is escaped here, through escape.ts.




function renderAppBuild(build) {
    const { app } = build;
    const version = [app.appVersion, app.buildVersion ? `(${app.buildVersion})` : null]
        .filter(Boolean)
        .join(' ');
    const rows = [
        ['File', `${(0,src_escape/* markdown */.wD)(build.path, 300)} (${(0,app_path/* formatBytes */.z3)(build.size)})`],
        ['Upload', (0,src_escape/* markdown */.wD)(uploadFigures(build.size, build.uploadMs))],
        ['App ID', (0,src_escape/* code */.aY)(app.id)],
        ['Platform', (0,src_escape/* markdown */.wD)(app.platform, 40)],
        ['Version', version ? (0,src_escape/* markdown */.wD)(version, 100) : '–'],
        ['Bundle ID', app.bundleId ? (0,src_escape/* code */.aY)(app.bundleId, 200) : '–']
    ];
    const table = ['| | |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
    const note = build.recovered
        ? "\n\nThe API's answer to the upload's confirmation was lost; the app was found in the project's list (same size, uploaded through the API since this upload began)."
        : '';
    return `### App build\n\n${table}${note}\n`;
}
/** For the summary and the log: `48.2 MiB in 12 s (4.02 MiB/s)`. */
function uploadFigures(size, uploadMs) {
    return `${(0,app_path/* formatBytes */.z3)(size)} in ${(0,duration/* formatDuration */.a)(uploadMs)} (${(0,upload_progress/* formatRate */.C)(size, uploadMs)})`;
}

;// CONCATENATED MODULE: ./src/report/outputs.ts
// The step outputs, as strings for later steps: one run's values, or the aggregate of several. Pure.



/**
 * One line: a later step reading `description` gets one line per run, as the README says. Only
 * the start of a huge text is cleaned (with a mark of what was left): the output keeps 16 KB.
 */
const oneLine = (text) => {
    const limit = 4 * constants/* Limits */.xu.maxTextOutputBytes;
    const start = text.length > limit ? `${text.slice(0, limit)} …` : text;
    return (0,src_escape/* clean */.uH)(start)
        .replace(/\s*\n\s*/g, ' ')
        .trim();
};
/**
 * A text output within `Limits.maxTextOutputBytes`, cut on a character boundary with a note: GitHub
 * keeps about 1 MB of outputs per job, and an AI agent's text has no length limit.
 */
function capOutput(text) {
    const max = constants/* Limits */.xu.maxTextOutputBytes;
    if (Buffer.byteLength(text) <= max)
        return text;
    const note = ` … (cut to ${Math.round(max / 1024)} KB; the report file has the full text)`;
    let cut = Buffer.from(text)
        .subarray(0, max - Buffer.byteLength(note))
        .toString('utf8');
    // A multi-byte character cut in half decodes as U+FFFD: drop it.
    cut = cut.replace(/\ufffd$/, '');
    return `${cut}${note}`;
}
/**
 * `files`: where the JUnit and CTRF files were written beside the report ('' when they could not
 * be, or none was).
 */
function outputsOf(report, reportPath, files = { junit: '', ctrf: '' }) {
    const { runs } = report;
    const totals = (0,labels/* runTotals */.zj)(runs);
    const durations = runs.map(r => r.durationMs).filter((d) => d !== null);
    return {
        [constants/* Outputs */.tY.RunId]: runs.map(r => r.id).join(','),
        [constants/* Outputs */.tY.Status]: report.status,
        [constants/* Outputs */.tY.Result]: report.result,
        [constants/* Outputs */.tY.Passed]: String(report.passed),
        [constants/* Outputs */.tY.IssuesCount]: String(totals.issues),
        [constants/* Outputs */.tY.WarningsCount]: String(totals.warnings),
        [constants/* Outputs */.tY.MaxSeverity]: String(runs.reduce((max, r) => Math.max(max, r.maxSeverity), 0)),
        [constants/* Outputs */.tY.StepsCount]: String(totals.steps),
        [constants/* Outputs */.tY.FailedStepsCount]: String(totals.failedSteps),
        [constants/* Outputs */.tY.DurationMs]: durations.length ? String(Math.round(Math.max(...durations))) : '',
        [constants/* Outputs */.tY.FeatureName]: capOutput(runs
            .map(r => oneLine(r.featureName))
            .filter(Boolean)
            .join(', ')),
        [constants/* Outputs */.tY.Description]: capOutput(runs
            .map(r => oneLine(r.description))
            .filter(Boolean)
            .join('\n')),
        [constants/* Outputs */.tY.ReportPath]: reportPath,
        [constants/* Outputs */.tY.Runs]: JSON.stringify(runs.map(runSummary)),
        [constants/* Outputs */.tY.BatchId]: report.started?.batchId ?? '',
        [constants/* Outputs */.tY.PrNumber]: report.started?.prNumber ? String(report.started.prNumber) : '',
        [constants/* Outputs */.tY.GithubReporting]: report.started?.githubReporting ?? '',
        [constants/* Outputs */.tY.FlakyCount]: String(report.flakyCount),
        [constants/* Outputs */.tY.WaivedCount]: String(totals.waived),
        [constants/* Outputs */.tY.JunitPath]: files.junit,
        [constants/* Outputs */.tY.CtrfPath]: files.ctrf,
        [constants/* Outputs */.tY.ReportsCount]: report.gathered ? String(report.gathered.legs.length) : ''
    };
}
/**
 * One run in the `runs` output and the report file: the numbers a later step scripts against; a
 * run `retry-failed` started again also has `flaky` and every attempt, first to last; in reports
 * mode, its leg.
 */
function runSummary(run) {
    return {
        // Reports mode: the leg whose report holds the run.
        ...(run.leg !== undefined ? { leg: run.leg } : {}),
        ...attemptSummary(run),
        ...(run.attempts
            ? {
                flaky: run.flaky === true,
                attempts: run.attempts.map(a => ({ ...attemptSummary(a), counts: a.counts }))
            }
            : {})
    };
}
function attemptSummary(run) {
    const counts = (0,labels/* reportedCounts */.Ae)(run);
    return {
        id: run.id,
        status: run.status,
        result: run.result,
        passed: run.passed,
        issuesCount: counts.issues,
        warningsCount: counts.warnings,
        maxSeverity: run.maxSeverity,
        durationMs: run.durationMs,
        ...(run.waived.length ? waivedSummary(run.waived) : {})
    };
}
/**
 * The waived findings of a run, each with the entry that waived it, for a later step: at most
 * `Limits.maxWaiversListed` in the `runs` output (GitHub keeps about 1 MB of outputs per job); the
 * report file has them all.
 */
function waivedSummary(waived, max = constants/* Limits */.xu.maxWaiversListed) {
    return {
        waivedCount: waived.length,
        waived: waived.slice(0, max).map(waiverSummary)
    };
}
/** One waived finding and its entry, as the `runs` output and the report file give it. */
function waiverSummary({ issue, entry }) {
    return {
        name: issue.name,
        type: issue.type,
        severity: issue.severity,
        url: issue.url,
        entry: entrySummary(entry)
    };
}
/** An entry of the known-issues file, as the outputs and the report file give it. */
function entrySummary(entry) {
    return {
        line: entry.line,
        ...(entry.name !== undefined ? { name: entry.name } : {}),
        ...(entry.page !== undefined ? { page: entry.page } : {}),
        ...(entry.test !== undefined ? { test: entry.test } : {}),
        ...(entry.maxSeverity !== undefined ? { maxSeverity: entry.maxSeverity } : {}),
        ...(entry.until !== undefined ? { until: entry.until } : {}),
        ...(entry.ticket !== undefined ? { ticket: entry.ticket } : {}),
        reason: entry.reason,
        origin: entry.origin
    };
}

;// CONCATENATED MODULE: ./src/report/report-file.ts
// The JSON report file's text: the verdict, and each run with the last body the API sent for it,
// written in pieces so a huge run is never held as one more whole copy. A public interface:
// schemas/report.schema.json describes it and docs/report-file.md its versions. Pure.


/** Outside a runner, with no leg. */
const NO_HEAD = {
    leg: '',
    commit: '',
    pullRequest: null,
    workflowRun: { id: '', attempt: 1 }
};
/**
 * The runs of a combined report (reports mode), read from the legs' files one at a time as the file
 * is written: `toJSON` gives them all at once only for the rare report written by `reportJson`.
 */
class StreamedRuns {
    items;
    constructor(items) {
        this.items = items;
    }
    toJSON() {
        return [...this.items()];
    }
}
/**
 * The report file's text. A body nested deeper than JSON.stringify's call stack allows (an
 * unknown field nested thousands of levels) is written with its deepest levels replaced by a note,
 * so the report is always written.
 */
function reportJson(report, head = NO_HEAD) {
    try {
        return `${JSON.stringify(reportFileOf(report, head), null, 2)}\n`;
    }
    catch (error) {
        if (!(error instanceof RangeError))
            throw error;
        const runs = report.runs.map(run => ({ ...run, body: limitDepth(run.body, MAX_REPORT_DEPTH) }));
        const gathered = report.gathered && {
            ...report.gathered,
            entries: () => Array.from(report.gathered.entries(), entry => limitDepth(entry, MAX_REPORT_DEPTH))
        };
        return `${JSON.stringify(reportFileOf({ ...report, runs, ...(gathered ? { gathered } : {}) }, head), null, 2)}\n`;
    }
}
/**
 * The report file's text in pieces, joined exactly `reportJson(report)` when no body is nested
 * too deep for JSON.stringify (then one piece throws RangeError: write `reportJson` instead). A
 * 70 MB body never becomes one string: the first levels are walked here, each deeper value is
 * serialized alone, and pieces of about `REPORT_PIECE_CHARS` come out.
 *
 * Every cut is just before a line break, between two values: a secret straddles two pieces only
 * if it holds a line break, which neither an API key (printable ASCII, no space) nor a GitHub
 * token can; so a caller scrubbing each piece scrubs what scrubbing the whole text would.
 */
function* reportJsonPieces(report, head = NO_HEAD) {
    let pending = '';
    for (const text of prettyPieces(reportFileOf(report, head), '', WALKED_LEVELS)) {
        if (text.startsWith('\n') && pending.length >= REPORT_PIECE_CHARS) {
            yield pending;
            pending = '';
        }
        pending += text;
    }
    yield `${pending}\n`;
}
/** About 1 MB per write: few system calls, and nothing near the size of a huge body at once. */
const REPORT_PIECE_CHARS = 1 << 20;
/** Levels walked by `prettyPieces` (the report, its runs, a body, its output, the issues, one issue). */
const WALKED_LEVELS = 6;
/**
 * `JSON.stringify(value, null, 2)` at indentation `indent`, as texts whose only line breaks start
 * a text; `levels` deep, each value is serialized whole by JSON.stringify itself.
 */
function* prettyPieces(value, indent, levels) {
    if (value instanceof StreamedRuns) {
        let first = true;
        for (const item of value.items()) {
            yield first ? '[' : ',';
            first = false;
            yield `\n${indent}  `;
            yield* prettyPieces(item, `${indent}  `, levels - 1);
        }
        return yield first ? '[]' : `\n${indent}]`;
    }
    const plain = levels === 0 ||
        typeof value !== 'object' ||
        value === null ||
        typeof value.toJSON === 'function';
    if (plain) {
        // Only called for values JSON.stringify keeps: an array's left-out item is said `null`.
        const text = JSON.stringify(value, null, 2);
        yield text === undefined ? 'null' : text.replaceAll('\n', `\n${indent}`);
        return;
    }
    const inner = `${indent}  `;
    if (Array.isArray(value)) {
        if (value.length === 0)
            return yield '[]';
        yield '[';
        for (let i = 0; i < value.length; i++) {
            if (i > 0)
                yield ',';
            yield `\n${inner}`;
            yield* prettyPieces(value[i], inner, levels - 1);
        }
        return yield `\n${indent}]`;
    }
    const record = value;
    // The members JSON.stringify keeps: undefined, functions and symbols are left out.
    const keys = Object.keys(record).filter(key => {
        const item = typeof record[key];
        return item !== 'undefined' && item !== 'function' && item !== 'symbol';
    });
    if (keys.length === 0)
        return yield '{}';
    yield '{';
    for (let i = 0; i < keys.length; i++) {
        if (i > 0)
            yield ',';
        yield `\n${inner}${JSON.stringify(keys[i])}: `;
        yield* prettyPieces(record[keys[i]], inner, levels - 1);
    }
    yield `\n${indent}}`;
}
/** Deeper than this, a body's values are left out of the report file (no real run comes close). */
const MAX_REPORT_DEPTH = 100;
function limitDepth(value, depth) {
    if (typeof value !== 'object' || value === null)
        return value;
    if (depth === 0)
        return `[nested more than ${MAX_REPORT_DEPTH} levels deep: left out]`;
    if (Array.isArray(value))
        return value.map(item => limitDepth(item, depth - 1));
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, limitDepth(item, depth - 1)]));
}
/**
 * The JSON report file: what it was written for, the verdict, and each run with its verdict's
 * reasons and the last body the API sent for it; in reports mode, the legs it combines.
 */
function reportFileOf(report, head = NO_HEAD) {
    return {
        schemaVersion: constants/* REPORT_SCHEMA_VERSION */.WI,
        leg: head.leg,
        commit: head.commit,
        pullRequest: head.pullRequest,
        workflowRun: head.workflowRun,
        passed: report.passed,
        status: report.status,
        result: report.result,
        fatal: report.fatal,
        cancelled: report.cancelled,
        flakyCount: report.flakyCount,
        // The file of known issues as this step read it: every entry, where it comes from, in force.
        ...(report.knownIssues ? { knownIssues: knownIssuesOf(report.knownIssues) } : {}),
        ...(report.gathered ? { gathered: gatheredOf(report.gathered) } : {}),
        // Typed as the array it serializes to (toJSON), which is what a reader of the file sees.
        runs: report.gathered
            ? new StreamedRuns(() => report.gathered.entries())
            : report.runs.map(runEntry)
    };
}
/** One run: its numbers (as in the `runs` output), why its verdict is what it is, and its body. */
function runEntry(run) {
    return {
        ...runSummary(run),
        // Every waived finding here (the `runs` output lists the first ones).
        ...(run.waived.length ? { waived: run.waived.map(waiverSummary) } : {}),
        // Each earlier attempt's body beside its numbers; the verdict's own is the run's `run`.
        ...(run.attempts
            ? {
                attempts: run.attempts.map(a => ({
                    ...runSummary({ ...a, attempts: undefined }),
                    // Every waived finding of the attempt (the `runs` output lists the first ones).
                    ...(a.waived.length ? { waived: a.waived.map(waiverSummary) } : {}),
                    counts: a.counts,
                    ...verdictOf(a),
                    error: a.error,
                    run: a.id === run.id ? null : (a.body ?? null)
                }))
            }
            : {}),
        ...verdictOf(run),
        ...(run.origin ? { origin: run.origin } : {}),
        ...(run.githubReporting ? { githubReporting: run.githubReporting } : {}),
        error: run.error,
        run: run.body ?? null
    };
}
/** The known-issues file as the step read it. */
function knownIssuesOf(known) {
    return {
        file: known.file,
        from: known.from,
        base: known.base.kind,
        ...(known.base.kind === 'unverified' ? { baseProblem: known.base.reason } : {}),
        ...('against' in known.base ? { against: known.base.against } : {}),
        entries: known.entries.map(e => ({
            ...entrySummary(e),
            inForce: !e.notInForce,
            ...(e.notInForce ? { notInForce: e.notInForce } : {})
        }))
    };
}
/** What a leg decided about a run, so reports mode shows it as decided instead of judging again. */
const verdictOf = (run) => ({
    reasons: run.reasons,
    notes: run.notes,
    lastStatus: run.lastStatus
});
/** Reports mode: what was expected, and each leg's report as kept, refused or missed. */
function gatheredOf(gathered) {
    return {
        patterns: gathered.patterns,
        expected: gathered.expected,
        legs: gathered.legs.map(leg => ({
            name: leg.name,
            file: leg.file,
            attempt: leg.attempt,
            passed: leg.passed,
            status: leg.status,
            result: leg.result,
            fatal: leg.fatal,
            cancelled: leg.cancelled,
            runsCount: leg.runs,
            issuesCount: leg.issues,
            warningsCount: leg.warnings,
            flakyCount: leg.flaky,
            waivedCount: leg.waived
        })),
        missing: gathered.missing,
        problems: gathered.problems,
        found: gathered.found,
        skipped: gathered.skipped
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: ./src/report/known-issues-text.ts
// The known issues as the job summary and the comment show them: the entries this pull request
// adds (first, where a reviewer looks), the findings they waived with each entry's reason and
// ticket, and the entries that matched nothing. Text from the file is the team's, but escaped like
// the API's. Pure.


/** Entries named in a list; the report file names every one. */
const ENTRIES_LISTED = 20;
/** What an entry matches, in a few words: `name "…" · page /checkout/*`. */
function entryWhat(entry, max = 200) {
    return [
        entry.name !== undefined ? `name “${(0,src_escape/* markdown */.wD)(entry.name, max)}”` : '',
        entry.page !== undefined ? `page ${(0,src_escape/* markdown */.wD)(entry.page, max)}` : '',
        entry.test !== undefined ? `test “${(0,src_escape/* markdown */.wD)(entry.test, max)}”` : '',
        entry.maxSeverity !== undefined ? `up to severity ${entry.maxSeverity}` : '',
        entry.until !== undefined ? `until ${entry.until}` : ''
    ]
        .filter(Boolean)
        .join(' · ');
}
/** The ticket as a link (https only, as the file requires), else nothing. */
function ticketLink(entry) {
    const href = entry.ticket ? (0,src_escape/* httpUrl */.q3)(entry.ticket) : null;
    return href ? ` [ticket](<${href}>)` : '';
}
/** Where an entry comes from, when a reader must know it. */
function originBadge(entry) {
    if (entry.origin === 'added')
        return ` **🆕\u00a0${(0,labels/* addedWords */.Kp)(entry.comparedWith)}**`;
    if (entry.origin === 'unverified')
        return ' *(unverified)*';
    return '';
}
/** `line 12: reason [ticket] added by this pull request`: the cell that says why it is waived. */
function waivedBy(entry) {
    return `line\u00a0${entry.line}: ${(0,src_escape/* markdown */.wD)(entry.reason, 300)}${ticketLink(entry)}${originBadge(entry)}`;
}
/** One row of a run's table of waived findings. */
function waivedRow({ issue, entry }, page) {
    const kind = issue.type === 'warning' ? ' (warning)' : '';
    return `| ${(0,labels/* nowrap */.Ot)((0,labels/* severityLabel */.yi)(issue.severity))} | ${(0,src_escape/* markdown */.wD)(issue.name || 'Unnamed issue', 300)}${kind} | ${page(issue.url)} | ${waivedBy(entry)} |`;
}
const WAIVED_HEADER = [
    '| Severity | Finding | Page | Waived by |',
    '| --- | --- | --- | --- |'
];
/**
 * What a reviewer must see before anything else: entries this pull request adds to the file, and
 * a base copy that could not be checked. Null when there is nothing to say.
 */
function knownIssuesCallout(knownIssues) {
    const { entries, base, from } = knownIssues;
    const file = `<code>${(0,src_escape/* html */.qy)(knownIssues.file, 200)}</code>`;
    const blocks = [];
    const added = entries.filter(e => e.origin === 'added');
    if (added.length > 0) {
        const effect = from === 'base'
            ? 'With `known-issues-from: base` they waive nothing until they are merged.'
            : `Review ${added.length === 1 ? 'it' : 'them'} before merging: an entry waives the findings it matches.`;
        const list = added
            .slice(0, ENTRIES_LISTED)
            .map(e => `> - line ${e.line}: ${entryWhat(e)}: ${(0,src_escape/* markdown */.wD)(e.reason, 300)}`);
        const more = added.length - list.length;
        const headline = 'against' in base && base.against === 'default-branch'
            ? `${(0,labels/* plural */.LS)(added.length, 'known-issue entry is', 'known-issue entries are')} not on the default branch`
            : `This pull request adds ${(0,labels/* plural */.LS)(added.length, 'known-issue entry', 'known-issue entries')}`;
        blocks.push(`> [!IMPORTANT]\n> **${headline}** (${file}). ${effect}\n>\n${list.join('\n')}` +
            (more > 0 ? `\n> - …and ${more} more (the report file lists every entry)` : ''));
    }
    if (base.kind === 'unverified') {
        blocks.push(`> [!WARNING]\n> **${file} could not be checked against its reviewed copy:** ${(0,src_escape/* markdown */.wD)(base.reason, 500)}. ` +
            (from === 'base'
                ? 'With `known-issues-from: base`, no entry waives anything.'
                : 'Its entries are shown as unverified.'));
    }
    return blocks.length ? blocks.join('\n\n') : null;
}
/**
 * The entries that waived nothing: expired ones (a warning each on the runner too) and those in
 * force that no finding of any run matched, "not seen in this run", so stale ones get removed.
 */
function entriesNotSeen(knownIssues, runs) {
    const used = new Set();
    for (const run of runs) {
        for (const w of run.waived)
            used.add(w.entry);
        for (const attempt of run.attempts ?? [])
            for (const w of attempt.waived)
                used.add(w.entry);
    }
    const lines = (entries) => {
        const shown = entries
            .slice(0, ENTRIES_LISTED)
            .map(e => `- line ${e.line}: ${entryWhat(e)}: ${(0,src_escape/* markdown */.wD)(e.reason, 300)}${ticketLink(e)}`);
        const more = entries.length - shown.length;
        return more > 0 ? [...shown, `- …and ${more} more (the report file lists every entry)`] : shown;
    };
    const parts = [];
    const expired = knownIssues.entries.filter(e => e.notInForce === 'expired');
    if (expired.length) {
        parts.push(`**Expired** (they no longer waive anything: fix the issue, or extend \`until\` after a review)\n\n${lines(expired).join('\n')}`);
    }
    const notApplied = knownIssues.entries.filter(e => e.notInForce === 'not-in-base');
    if (notApplied.length) {
        parts.push(`**Not applied** (\`known-issues-from: base\`: not in the reviewed copy, or it could not be read)\n\n${lines(notApplied).join('\n')}`);
    }
    const unseen = knownIssues.entries.filter(e => !e.notInForce && !used.has(e));
    if (unseen.length) {
        parts.push(`**Not seen in this run** (no finding matched them: remove those that are fixed)\n\n${lines(unseen).join('\n')}`);
    }
    if (parts.length === 0)
        return null;
    const count = expired.length + notApplied.length + unseen.length;
    return `<details><summary>Known issues that waived nothing (${count} of ${knownIssues.entries.length} in ${(0,src_escape/* html */.qy)(knownIssues.file, 200)})</summary>\n\n${parts.join('\n\n')}\n\n</details>`;
}

;// CONCATENATED MODULE: ./src/report/legs-words.ts
// The wording of a matrix's legs in reports mode, shared by the summary, the comment, the commit
// status and the step's last line: a leg's verdict, and why the whole matrix did not pass. Plain
// text: leg names, reasons and file names come from the legs' files, and each caller escapes them
// for where they go. Pure.


/** A leg's verdict as a mark and a word, as the leg decided it. */
function legVerdictWord(leg) {
    if (leg.fatal)
        return { mark: '⚠️', word: 'error' };
    if (leg.cancelled || leg.status === 'cancelled')
        return { mark: '⚠️', word: 'cancelled' };
    if (leg.status === 'timed_out')
        return { mark: '⚠️', word: 'timed out' };
    if (leg.status !== 'completed' && leg.status !== 'failed')
        return { mark: '⚠️', word: 'did not complete' };
    if (!leg.passed)
        return { mark: '❌', word: 'failed' };
    if (leg.flaky > 0)
        return { mark: '🔁', word: 'passed (flaky)' };
    if (leg.result === 'SKIPPED')
        return { mark: '⏭️', word: 'skipped' };
    return { mark: '✅', word: 'passed' };
}
const MISSING_WORD = { mark: '❔', word: 'missing' };
/** Legs that count: those that reported, and those expected by name or count that did not. */
function legCount(gathered) {
    return gathered.legs.length + gathered.missing.count;
}
/** Legs that did not pass, the missing ones included. */
function legsNotPassed(gathered) {
    return gathered.legs.filter(l => !l.passed).length + gathered.missing.count;
}
/** Why one leg did not pass, in the leg's own words (its runs' reasons), or its error. */
function legReasons(report, leg) {
    if (leg.fatal)
        return [`the action could not finish: ${leg.fatal}`];
    if (leg.cancelled)
        return ['the leg was cancelled while it waited'];
    const reasons = report.runs.filter(r => r.leg === leg.name && !r.passed).flatMap(r => r.reasons);
    return reasons.length ? [...new Set(reasons)] : [`the leg ended ${leg.status}`];
}
/** What is missing, in one clause; '' when nothing is. */
function missingClause(gathered) {
    const { missing, legs } = gathered;
    if (missing.count === 0)
        return '';
    if (missing.names.length > 0) {
        return `${(0,labels/* plural */.LS)(missing.count, 'leg')} did not report: ${missing.names.join(', ')}`;
    }
    const expected = 'count' in gathered.expected ? gathered.expected.count : legs.length;
    return `expected ${(0,labels/* plural */.LS)(expected, 'leg report')}, found ${legs.length}`;
}
/** When the patterns matched no file at all (usually a path download-artifact did not write): why. */
function nothingMatched(gathered) {
    if (gathered.found > 0)
        return '';
    return `no file matched the reports patterns (${gathered.patterns.split('\n').join(', ')})`;
}
/**
 * Why the matrix did not pass, one clause per failed leg, what is missing, and each unusable
 * file; each clause at most `max` characters so one leg's long story cannot bury the others.
 */
function matrixWhy(report, gathered, max = 300) {
    const cut = (text) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
    const clauses = gathered.legs
        .filter(l => !l.passed)
        .map(l => cut(`leg ${l.name}: ${legReasons(report, l).join('; ')}`));
    const missing = missingClause(gathered);
    if (missing)
        clauses.push(cut(missing));
    const nothing = nothingMatched(gathered);
    if (nothing)
        clauses.push(cut(nothing));
    for (const p of gathered.problems)
        clauses.push(cut(`${p.file} ${p.problem}`));
    if (clauses.length === 0 && gathered.legs.length === 0)
        clauses.push('no leg reported');
    return clauses;
}
/** Clauses in the step's last line; the summary has every one. */
const MAX_LINE_CLAUSES = 10;
/** `matrixWhy` as one line of the log: each clause on one line, never a workflow command. */
function matrixWhyLine(report, gathered) {
    const clauses = matrixWhy(report, gathered).map(clause => (0,src_escape/* logText */.kc)(clause, 300));
    const more = clauses.length - MAX_LINE_CLAUSES;
    return more > 0
        ? `${clauses.slice(0, MAX_LINE_CLAUSES).join('; ')}; and ${more} more (see the job summary)`
        : clauses.join('; ');
}
/**
 * The matrix's verdict in a few words, for the summary's headline and the comment's title:
 * `all 3 legs passed`, `1 of 3 legs did not pass`, `no leg reported`, `2 reports could not be used`.
 */
function matrixVerdictWords(report, gathered) {
    const total = legCount(gathered);
    const notPassed = legsNotPassed(gathered);
    if (report.passed)
        return `all ${(0,labels/* plural */.LS)(total, 'leg')} passed`;
    if (total === 0)
        return 'no leg reported';
    return notPassed > 0
        ? `${notPassed} of ${(0,labels/* plural */.LS)(total, 'leg')} did not pass`
        : `${(0,labels/* plural */.LS)(gathered.problems.length, 'report')} could not be used`;
}

;// CONCATENATED MODULE: ./src/report/legs-comment.ts
// The pull-request comment's lines about a matrix in reports mode: every leg with its verdict (and
// why, when it failed), what is missing, and how many files could not be used. Leg names and
// reasons come from the legs' files: escaped like the API's text. Pure.



/** Legs listed in the comment; the summary lists every one. */
const MAX_COMMENT_LEGS = 50;
function legsCommentLines(report, gathered) {
    const rows = gathered.legs.map(leg => {
        const { mark, word } = legVerdictWord(leg);
        const why = leg.passed ? '' : (0,src_escape/* markdown */.wD)(legReasons(report, leg).join('; '), 300);
        return `| ${(0,src_escape/* markdown */.wD)(leg.name, 100)} | ${(0,labels/* nowrap */.Ot)(`${mark} ${word}`)} | ${leg.runs} | ${leg.issues} | ${why} |`;
    });
    for (const name of gathered.missing.names) {
        rows.push(`| ${(0,src_escape/* markdown */.wD)(name, 100)} | ${(0,labels/* nowrap */.Ot)(`${MISSING_WORD.mark} ${MISSING_WORD.word}`)} | – | – | no report |`);
    }
    const shown = rows.slice(0, MAX_COMMENT_LEGS);
    if (rows.length > shown.length)
        shown.push(`| …and ${rows.length - shown.length} more | | | | |`);
    const lines = ['| Leg | Verdict | Runs | Issues | Why |', '| --- | --- | ---: | ---: | --- |'];
    lines.push(...shown);
    const missing = missingClause(gathered);
    if (missing && gathered.missing.names.length === 0)
        lines.push('', `**Missing:** ${(0,src_escape/* markdown */.wD)(missing, 300)}.`);
    const { problems } = gathered;
    if (problems.length) {
        const first = problems[0];
        lines.push('', `**${(0,labels/* plural */.LS)(problems.length, 'file')} could not be used**, such as ${(0,src_escape/* code */.aY)(first.file, 200)} (${(0,src_escape/* markdown */.wD)(first.problem, 300)}).`);
    }
    return lines;
}

;// CONCATENATED MODULE: ./src/report/comment-text.ts
// The pull-request comment: short (verdict, counts, the most severe issues, a link to the full
// summary), found again by a hidden marker, escaped like the summary. Pure.








/**
 * The hidden marker that finds the comment again: the workflow, the job, and what it reports on.
 * A test or group run adds a digest of its options, so matrix legs that differ only in platform,
 * device, mode or environment keep one comment each. Left out on purpose, as new on every push,
 * where naming them would add a comment per push instead of updating one: given run IDs, the app
 * (`app-id`, or the build `app-path` uploaded) and `target-url` (a preview's URL names its commit,
 * as the agent's does).
 * Percent-encoded, so no name can end the HTML comment.
 */
function commentMarker(parts, 
/** The marker as earlier versions wrote it (every option in the digest), to update their comment. */
{ asBefore = false } = {}) {
    const { start, agent } = parts;
    let target = parts.reports ? 'reports' : 'runs';
    if (start) {
        const { kind, id, ...options } = start;
        const perPush = new Set(['appId', 'targetUrl']);
        const defined = Object.entries(options)
            .filter(([name, v]) => v !== undefined && (asBefore || !perPush.has(name)))
            .sort(([a], [b]) => a.localeCompare(b));
        const digest = defined.length
            ? `:${(0,external_node_crypto_.createHash)('sha256').update(JSON.stringify(defined)).digest('hex').slice(0, 12)}`
            : '';
        target = `${kind}:${id}${digest}`;
    }
    if (agent) {
        const run = `agent:${agent.projectId}:${agent.platform}`;
        target = start ? `${target}+${run}` : run;
    }
    const encode = (text) => encodeURIComponent(text).replace(/-/g, '%2D');
    return `<!-- testerarmy-action ${encode(parts.workflow)} ${encode(parts.job)} ${encode(target)} -->`;
}
function renderComment(report, marker, runUrl) {
    const runs = report.runs;
    const verdict = report.fatal
        ? '❌ TesterArmy could not finish'
        : report.cancelled
            ? '⚠️ TesterArmy: the wait was cancelled'
            : report.passed
                ? report.result === 'SKIPPED'
                    ? '⏭️ TesterArmy skipped'
                    : '✅ TesterArmy passed'
                : '❌ TesterArmy failed';
    const { gathered } = report;
    const features = runs.map(r => r.featureName).filter(Boolean);
    const title = gathered
        ? `${verdict}: ${matrixVerdictWords(report, gathered)}`
        : features.length === 1
            ? `${verdict}: ${(0,src_escape/* markdown */.wD)(features[0], 200)}`
            : verdict;
    const lines = [
        marker,
        `### ${title}`,
        '',
        (0,labels/* countsOf */.mQ)((0,labels/* runTotals */.zj)(runs)).join(' · ') + (runs.length > 1 ? ` · ${runs.length} runs` : '')
    ];
    // Entries this pull request adds to the known issues go where the reviewer looks first.
    const callout = report.knownIssues ? knownIssuesCallout(report.knownIssues) : null;
    if (callout)
        lines.push('', callout);
    // Reports mode: every leg with its verdict and why, in place of the runs' reasons.
    if (gathered)
        lines.push('', ...legsCommentLines(report, gathered));
    const why = report.fatal
        ? [report.fatal]
        : gathered
            ? []
            : runs.filter(r => !r.passed).flatMap(r => r.reasons);
    if (why.length)
        lines.push('', `**Why:** ${(0,src_escape/* markdown */.wD)([...new Set(why)].join('; '), 1_000)}.`);
    const flaky = runs.filter(r => r.flaky).map(r => r.featureName || `run ${r.id.slice(0, 8)}`);
    if (flaky.length) {
        lines.push('', `**Flaky:** ${(0,src_escape/* markdown */.wD)(flaky.slice(0, 5).join(', '), 600)}${flaky.length > 5 ? ` and ${flaky.length - 5} more` : ''} failed, then passed on a retry.`);
    }
    // In reports mode each issue says which leg found it.
    const found = runs.flatMap(r => r.issues.map(issue => ({ issue, leg: r.leg })));
    const issues = found.sort((a, b) => (0,build_report/* bySeverity */.Np)(a.issue, b.issue));
    if (issues.length) {
        lines.push('', '| Severity | Issue |', '| --- | --- |');
        for (const { issue, leg } of issues.slice(0, constants/* Limits */.xu.commentMaxIssues)) {
            const where = leg !== undefined ? `${(0,src_escape/* markdown */.wD)(leg, 100)} · ` : '';
            lines.push(`| ${(0,labels/* nowrap */.Ot)((0,labels/* severityLabel */.yi)(issue.severity))} | ${where}${(0,src_escape/* markdown */.wD)(issue.name || 'Unnamed issue', 300)} |`);
        }
        if (issues.length > constants/* Limits */.xu.commentMaxIssues)
            lines.push(`| | …and ${issues.length - constants/* Limits */.xu.commentMaxIssues} more |`);
    }
    const waived = runs.flatMap(r => r.waived).sort((a, b) => (0,build_report/* bySeverity */.Np)(a.issue, b.issue));
    if (waived.length) {
        lines.push('', `**Waived by known issues** (${waived.length}):`, '');
        lines.push('| Severity | Finding | Waived by |', '| --- | --- | --- |');
        for (const { issue, entry } of waived.slice(0, constants/* Limits */.xu.commentMaxIssues)) {
            lines.push(`| ${(0,labels/* nowrap */.Ot)((0,labels/* severityLabel */.yi)(issue.severity))} | ${(0,src_escape/* markdown */.wD)(issue.name || 'Unnamed issue', 300)} | ${waivedBy(entry)} |`);
        }
        if (waived.length > constants/* Limits */.xu.commentMaxIssues)
            lines.push(`| | …and ${waived.length - constants/* Limits */.xu.commentMaxIssues} more | |`);
    }
    lines.push('', runUrl
        ? `[Full report in the job summary](${runUrl})`
        : 'The full report is in the job summary.');
    const body = `${lines.join('\n')}\n`;
    // Every part is bounded, but the limit is GitHub's to enforce: never let it refuse the comment.
    return body.length <= constants/* Limits */.xu.commentMaxChars
        ? body
        : `${marker}\n### ${verdict}\n\nThe full report is in the job summary.\n`;
}

;// CONCATENATED MODULE: ./src/report/formats.ts


/**
 * Where the JUnit and CTRF files go: beside the JSON report, named after it
 * (`testerarmy-report.json` gives `testerarmy-report.junit.xml` and `testerarmy-report.ctrf.json`).
 */
function formatPaths(reportPath) {
    const base = reportPath.replace(/\.json$/i, '');
    return { junit: `${base}.junit.xml`, ctrf: `${base}.ctrf.json` };
}
/** The run as the API serves it: the one link to a run that the API describes. */
const runLink = (apiUrl, id) => `${apiUrl.replace(/\/+$/, '')}/v1/runs/${encodeURIComponent(id)}`;
/**
 * A test's name in a report: the feature the agent tested (cut to one readable line), else the
 * run's short ID; in reports mode after its leg, so each leg's suites stay apart.
 */
const runTitle = (run) => `${run.leg !== undefined ? `${run.leg} · ` : ''}${(0,src_escape/* truncate */.xv)(run.featureName.trim(), MAX_TITLE_CHARS) || `TesterArmy run ${run.id.slice(0, 8)}`}`;
/** A test reporter shows a test's name on one line: a feature name longer than this is cut. */
const MAX_TITLE_CHARS = 1_000;
/**
 * A run's description in a test report (JUnit's `system-out`), within the same bound as its
 * findings, with a note where it was cut: the JSON report has the whole text.
 */
function descriptionText(text) {
    const cut = (0,src_escape/* truncate */.xv)(text, MAX_FINDINGS_CHARS);
    return cut === text
        ? text
        : `${cut}

(cut at 1 MB: the JSON report (output report-path) has the full text)`;
}
/**
 * What a run found, as plain-text blocks for a test report's failure text: the run's own error
 * when it did not complete, then each issue and warning (severity, name, page, description, the
 * steps to reproduce, expected and actual behaviour, screenshot). Untrusted: the writer escapes.
 */
function* findingBlocks(run) {
    const error = run.run?.error;
    let left = MAX_FINDINGS_CHARS;
    if (run.status !== 'completed' && (error || run.error)) {
        const line = error ? [error.code, error.message].filter(Boolean).join(': ') : (run.error ?? '');
        left -= line.length;
        yield line;
    }
    const findings = [
        ...run.issues.map(i => [i, 'Issue']),
        ...run.warnings.map(w => [w, 'Warning'])
    ];
    for (const [n, [issue, kind]] of findings.entries()) {
        const text = issueText(issue, kind);
        if (text.length > left) {
            yield `${(0,src_escape/* truncate */.xv)(text, Math.max(0, left))}\n\n${findings.length - n} more finding(s) did not fit: the JSON report (output report-path) has every one.`;
            return;
        }
        left -= text.length;
        yield text;
    }
}
/**
 * The findings text of one run in a test report. A test reporter shows it in a check run or a
 * page, not a 70 MB run: past this, the JSON report has the rest (and memory stays flat).
 */
const MAX_FINDINGS_CHARS = 1_000_000;
function issueText(issue, kind) {
    const lines = [`${kind} [${(0,labels/* severityLabel */.yi)(issue.severity)}] ${issue.name || 'Unnamed issue'}`];
    if (issue.url)
        lines.push(`Page: ${issue.url}`);
    if (issue.description)
        lines.push(issue.description);
    if (issue.reproductionSteps.length) {
        lines.push('Steps to reproduce:', ...issue.reproductionSteps.map((s, n) => `  ${n + 1}. ${s}`));
    }
    if (issue.expectedBehavior)
        lines.push(`Expected: ${issue.expectedBehavior}`);
    if (issue.actualBehavior)
        lines.push(`Actual: ${issue.actualBehavior}`);
    if (issue.screenshotUrl)
        lines.push(`Screenshot: ${issue.screenshotUrl}`);
    return lines.join('\n');
}
/** Waived findings named in a test report's output; the JSON report has every one. */
const WAIVED_LISTED = 200;
/**
 * The findings a known-issues entry waived, one line each with the entry's line, reason and
 * ticket: in a test report's output, apart from the failures. Untrusted: the writer escapes.
 */
function* waivedLines(run, file) {
    if (run.waived.length === 0)
        return;
    yield `Waived by known issues (${file}):`;
    for (const { issue, entry } of run.waived.slice(0, WAIVED_LISTED)) {
        const kind = issue.type === 'warning' ? 'Warning' : 'Issue';
        const ticket = entry.ticket ? ` (${(0,src_escape/* truncate */.xv)(entry.ticket, 300)})` : '';
        const added = entry.origin === 'added' ? ` [entry ${(0,labels/* addedWords */.Kp)(entry.comparedWith)}]` : '';
        yield `  ${kind} [${(0,labels/* severityLabel */.yi)(issue.severity)}] ${(0,src_escape/* truncate */.xv)(issue.name || 'Unnamed issue', 300)}: line ${entry.line}: ${(0,src_escape/* truncate */.xv)(entry.reason, 300)}${ticket}${added}`;
    }
    const more = run.waived.length - WAIVED_LISTED;
    if (more > 0)
        yield `  …and ${more} more: the JSON report (output report-path) has every one.`;
}
/** Why a run's verdict failed, in the step's own words, with the run's error when it has one. */
function verdictLine(run) {
    const reasons = run.reasons.length ? run.reasons.join('; ') : `the run ended ${run.status}`;
    const error = run.run?.error;
    const detail = error ? ` (${[error.code, error.message].filter(Boolean).join(': ')})` : '';
    return `${reasons}${detail}`;
}

;// CONCATENATED MODULE: ./src/report/ctrf.ts
// The CTRF file (Common Test Report Format, JSON): one test per run, valid against the format's
// schema, with `flaky`, `retries` and each earlier attempt for a retried run. Written in pieces. Pure.





/** The schema version the `ctrf` reference implementation validates. */
const CTRF_SPEC_VERSION = '0.0.0';
/** The verdict, not the API's result: a FAILED result below `min-severity` passes here as in the step. */
function statusOf(run) {
    if (run.passed)
        return run.result === 'SKIPPED' ? 'skipped' : 'passed';
    return 'failed';
}
/** CTRF durations are whole milliseconds. */
const ms = (value) => Math.max(0, Math.round(value ?? 0));
/**
 * The file's text, piece by piece: the head, then each test serialized alone (a huge run is one
 * test's text, never the whole file's), then the end. JSON.stringify escapes every string; lone
 * surrogates are made well-formed first, so the file is valid UTF-8.
 */
function* ctrfPieces(report, options) {
    const statuses = report.runs.map(statusOf);
    const count = (status) => statuses.filter(s => s === status).length;
    const head = {
        reportFormat: 'CTRF',
        specVersion: CTRF_SPEC_VERSION,
        reportId: (0,external_node_crypto_.randomUUID)(),
        timestamp: new Date(options.finishedAt).toISOString(),
        generatedBy: `testerarmy-action/${constants/* VERSION */.xv}`
    };
    const results = {
        tool: { name: 'TesterArmy', version: constants/* VERSION */.xv },
        summary: {
            tests: report.runs.length,
            passed: count('passed'),
            failed: count('failed'),
            skipped: count('skipped'),
            pending: 0,
            other: count('other'),
            flaky: report.runs.filter(r => r.flaky).length,
            suites: report.runs.length,
            start: Math.round(options.startedAt),
            stop: Math.round(options.finishedAt),
            duration: ms(options.finishedAt - options.startedAt)
        },
        ...(options.workflowRunUrl
            ? { environment: { reportName: 'TesterArmy', buildUrl: options.workflowRunUrl } }
            : {}),
        extra: {
            passed: report.passed,
            status: report.status,
            result: report.result,
            ...(report.fatal ? { fatal: (0,src_escape/* clean */.uH)(report.fatal) } : {})
        }
    };
    const opening = JSON.stringify({ ...head, results: { ...results, tests: [] } }, null, 2);
    // Everything up to the empty tests array; the tests follow, then the closing brackets.
    const at = opening.lastIndexOf('"tests": []');
    yield `${opening.slice(0, at)}"tests": [`;
    for (const [index, run] of report.runs.entries()) {
        const test = JSON.stringify(testOf(run, options, statuses[index]));
        yield `${index > 0 ? ',' : ''}\n      ${test}`;
    }
    yield `${report.runs.length ? '\n    ' : ''}]${opening.slice(at + '"tests": []'.length)}\n`;
}
function testOf(run, options, status) {
    const attempts = run.attempts ?? [];
    // The attempts before the one the verdict rests on, in the order they ran.
    const others = attempts.filter(a => a.id !== run.id && a.counts);
    const retried = others.length > 0;
    const shots = run.run?.output?.kind === 'test' ? run.run.output.screenshots : [];
    const steps = run.run?.output?.kind === 'test' ? run.run.output.steps : [];
    return {
        name: ctrf_text(runTitle(run)) || 'TesterArmy run',
        status,
        duration: ms(run.durationMs),
        ...(run.run?.testId ? { testId: ctrf_text(run.run.testId) } : {}),
        executionId: run.id,
        ...times(run),
        suite: [
            'TesterArmy',
            ...(run.leg !== undefined ? [ctrf_text(run.leg)] : []),
            ...(run.origin ? [ctrf_text(run.origin)] : [])
        ],
        ...(run.passed ? {} : { message: ctrf_text(verdictLine(run)) }),
        ...traceOf(run),
        rawStatus: ctrf_text(`${run.status}${run.result ? ` ${run.result}` : ''}`),
        type: 'e2e',
        ...(run.run?.platform ? { device: ctrf_text(run.run.platform) } : {}),
        ...(retried
            ? {
                flaky: run.flaky === true,
                retries: others.length,
                retryAttempts: others.map(a => ({
                    attempt: attempts.indexOf(a) + 1,
                    attemptId: a.id,
                    status: statusOf(a),
                    duration: ms(a.durationMs),
                    ...(a.passed ? {} : { message: ctrf_text(verdictLine(a)) }),
                    ...traceOf(a),
                    extra: { runUrl: runLink(options.apiUrl, a.id), status: a.status, result: a.result }
                }))
            }
            : {}),
        ...(steps.length
            ? {
                steps: steps.map((s, n) => ({
                    name: ctrf_text(s.title) || `Step ${n + 1}`,
                    status: s.status === 'passed' ? 'passed' : s.status === 'failed' ? 'failed' : 'other'
                }))
            }
            : {}),
        ...(shots.length
            ? {
                attachments: shots
                    .filter(url => /^https?:\/\//i.test(url))
                    .map((url, n) => ({
                    name: `Screenshot ${n + 1}`,
                    contentType: 'image/png',
                    path: ctrf_text(url)
                }))
            }
            : {}),
        extra: {
            ...(run.leg !== undefined ? { leg: ctrf_text(run.leg) } : {}),
            runId: run.id,
            runUrl: runLink(options.apiUrl, run.id),
            status: run.status,
            result: run.result,
            // Every finding TesterArmy reported, as the outputs count them: waived ones included.
            issuesCount: (0,labels/* reportedCounts */.Ae)(run).issues,
            warningsCount: (0,labels/* reportedCounts */.Ae)(run).warnings,
            maxSeverity: run.maxSeverity,
            ...(attempts.length > 1 ? { attempts: attempts.map(a => a.id) } : {}),
            // Findings a known-issues entry waived: reported, not failing the test.
            ...(run.waived.length
                ? {
                    waivedCount: run.waived.length,
                    waived: run.waived.slice(0, ctrf_WAIVED_LISTED).map(({ issue, entry }) => ({
                        name: ctrf_text(issue.name),
                        type: ctrf_text(issue.type),
                        severity: issue.severity,
                        knownIssue: {
                            line: entry.line,
                            reason: ctrf_text(entry.reason),
                            ...(entry.ticket ? { ticket: ctrf_text(entry.ticket) } : {}),
                            origin: entry.origin
                        }
                    }))
                }
                : {})
        }
    };
}
/** Start and stop of the run, when the API gave readable times. */
function times(run) {
    const start = Date.parse(run.run?.startedAt ?? run.run?.createdAt ?? '');
    const stop = Date.parse(run.run?.completedAt ?? '');
    return {
        ...(Number.isNaN(start) ? {} : { start }),
        ...(Number.isNaN(stop) ? {} : { stop })
    };
}
/** Waived findings listed per test; the JSON report has every one. */
const ctrf_WAIVED_LISTED = 200;
/** Untrusted text as a JSON string holds it: well-formed, without control characters. */
const ctrf_text = (value) => (0,src_escape/* clean */.uH)(value);
/** The run's error and findings as one text, for `trace`; nothing when it found nothing. */
function traceOf(run) {
    const trace = ctrf_text([...findingBlocks(run)].join('\n\n'));
    return trace ? { trace } : {};
}

;// CONCATENATED MODULE: ./src/report/file-write.ts
// Writing a report file (the JSON report, JUnit, CTRF): beside its path, then renamed into place.
// A link already at the path is replaced, never written through, and a dangling link's target is
// never created; a reader never sees half a file. Written piece by piece, each scrubbed, with a
// turn of the event loop now and then, so the hard exit after a cancel still comes on time.


/**
 * Writing longer than this without a break holds up every timer, the hard exit after the runner's
 * cancel included: then one turn of the event loop. Synchronous writes otherwise: asynchronous
 * ones go through libuv's thread pool, whose start costs a plain wait's cold start (see
 * docs/performance.md).
 */
const YIELD_AFTER_MS = 40;
async function writeFileBeside(path, pieces, scrub) {
    const temp = (0,external_node_path_.join)((0,external_node_path_.dirname)(path), `.${(0,external_node_path_.basename)(path)}.${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`);
    // 'wx' creates the file here and fails if anything, a link included, is already at that name.
    const file = (0,external_node_fs_.openSync)(temp, 'wx');
    // A hard exit while writing leaves no half-written file behind.
    const removeTemp = () => (0,external_node_fs_.rmSync)(temp, { force: true });
    process.once('exit', removeTemp);
    try {
        try {
            let since = Date.now();
            // writeFileSync on a descriptor writes from where the last write ended.
            for (const piece of pieces) {
                (0,external_node_fs_.writeFileSync)(file, scrub(piece));
                if (Date.now() - since >= YIELD_AFTER_MS) {
                    await new Promise(resolve => setImmediate(resolve));
                    since = Date.now();
                }
            }
        }
        finally {
            (0,external_node_fs_.closeSync)(file);
        }
        // Replaces whatever is at the path (a file, a link), never what a link points to.
        (0,external_node_fs_.renameSync)(temp, path);
    }
    catch (error) {
        removeTemp();
        throw error;
    }
    finally {
        process.off('exit', removeTemp);
    }
}

;// CONCATENATED MODULE: ./src/report/junit.ts
// The JUnit XML file: one test suite per run and one test case for its verdict, read by
// dorny/test-reporter, mikepenz/action-junit-report, Jenkins, GitLab and Codecov; a flaky run as
// Surefire writes one (a passing case holding its failed attempts). Written in pieces. Pure.


/**
 * A `failure` is a verdict on what the agent found; an `error` is a run that could not give one
 * (it failed, timed out, was cancelled, or could not be read), as JUnit tells an assertion from a
 * crash.
 */
function caseKind(run) {
    if (run.passed)
        return run.result === 'SKIPPED' ? 'skipped' : 'passed';
    return run.status === 'completed' ? 'failure' : 'error';
}
const seconds = (ms) => ((ms ?? 0) / 1000).toFixed(3);
const attribute = (name, value) => ` ${name}="${(0,src_escape/* xmlAttribute */.IE)(value)}"`;
/**
 * The file's text, piece by piece: markup, and each untrusted text escaped as one piece of its
 * own, so a run with 100,000 issues or a 10 MB description is never one string with the rest.
 * Joined, the pieces are well-formed XML 1.0 whatever the agent wrote.
 */
function* junitPieces(report, options) {
    // The action's own error, with no run to hold it, is one more test case in error.
    const kinds = [...report.runs.map(caseKind), ...(report.fatal ? ['error'] : [])];
    const count = (kind) => String(kinds.filter(k => k === kind).length);
    const total = report.runs.reduce((sum, r) => sum + (r.durationMs ?? 0), 0);
    yield '<?xml version="1.0" encoding="UTF-8"?>\n';
    yield `<testsuites${attribute('name', 'TesterArmy')}${attribute('tests', String(kinds.length))}${attribute('failures', count('failure'))}${attribute('errors', count('error'))}${attribute('skipped', count('skipped'))}${attribute('time', seconds(total))}>\n`;
    for (const [index, run] of report.runs.entries()) {
        yield* suitePieces(run, kinds[index], options);
    }
    if (report.fatal) {
        // A start failed, or the key was refused: a reader must still see the step did not pass.
        yield `  <testsuite${attribute('name', 'TesterArmy')} tests="1" failures="0" errors="1" skipped="0" time="0.000">\n`;
        yield `    <testcase${attribute('name', 'TesterArmy action')}${attribute('classname', 'TesterArmy')} time="0.000">\n`;
        yield `      <error${attribute('message', report.fatal)} type="action-error"/>\n`;
        yield '    </testcase>\n  </testsuite>\n';
    }
    yield '</testsuites>\n';
}
function* suitePieces(run, kind, options) {
    const name = runTitle(run);
    const one = (k) => (kind === k ? '1' : '0');
    const created = run.run?.createdAt ? Date.parse(run.run.createdAt) : Number.NaN;
    const timestamp = Number.isNaN(created)
        ? ''
        : attribute('timestamp', new Date(created).toISOString());
    yield `  <testsuite${attribute('name', name)} tests="1"${attribute('failures', one('failure'))}${attribute('errors', one('error'))}${attribute('skipped', one('skipped'))}${attribute('time', seconds(run.durationMs))}${timestamp}>\n`;
    yield '    <properties>\n';
    const properties = [
        ['testerarmy.run-id', run.id],
        ['testerarmy.run-url', runLink(options.apiUrl, run.id)],
        ['testerarmy.status', run.status],
        ['testerarmy.result', run.result],
        ['testerarmy.verdict', run.flaky ? 'flaky' : run.passed ? 'passed' : 'failed']
    ];
    if (run.leg !== undefined)
        properties.push(['testerarmy.leg', run.leg]);
    if (run.run?.testId)
        properties.push(['testerarmy.test-id', run.run.testId]);
    if (run.origin)
        properties.push(['testerarmy.started-as', run.origin]);
    if (run.waived.length)
        properties.push(['testerarmy.waived', String(run.waived.length)]);
    if (options.workflowRunUrl)
        properties.push(['github.workflow-run', options.workflowRunUrl]);
    for (const [n, attempt] of (run.attempts ?? []).entries()) {
        const result = attempt.result ? ` ${attempt.result}` : '';
        properties.push([`testerarmy.attempt.${n + 1}`, `${attempt.id} ${attempt.status}${result}`]);
    }
    for (const [key, value] of properties) {
        yield `      <property${attribute('name', key)}${attribute('value', value)}/>\n`;
    }
    yield '    </properties>\n';
    yield `    <testcase${attribute('name', name)}${attribute('classname', 'TesterArmy')}${attribute('time', seconds(run.durationMs))}>\n`;
    const earlier = (run.attempts ?? []).filter(a => a.id !== run.id && !a.passed && a.counts);
    if (kind === 'failure' || kind === 'error') {
        yield `      <${kind}${attribute('message', verdictLine(run))}${attribute('type', run.status === 'completed' ? run.result || 'no result' : run.status)}>`;
        yield* findingsText(run);
        yield `</${kind}>\n`;
        // Surefire's shape of a test that failed every rerun: the reruns beside the failure.
        for (const attempt of earlier)
            yield* attemptPieces('rerunFailure', attempt);
    }
    else {
        if (kind === 'skipped') {
            yield `      <skipped${attribute('message', run.description || 'the planner found nothing user-visible to test')}/>\n`;
        }
        // Surefire's shape of a flaky test: a passing case holding each failed attempt.
        for (const attempt of earlier)
            yield* attemptPieces('flakyFailure', attempt);
    }
    yield '      <system-out>';
    yield (0,src_escape/* xmlText */.xK)(`Run ${run.id}: ${run.status}${run.result ? `, ${run.result}` : ''}\n`);
    yield (0,src_escape/* xmlText */.xK)(`${runLink(options.apiUrl, run.id)}\n`);
    if (run.description)
        yield (0,src_escape/* xmlText */.xK)(`\n${descriptionText(run.description)}\n`);
    for (const note of run.notes)
        yield (0,src_escape/* xmlText */.xK)(`\nNote: ${note}\n`);
    // A run whose every failure is waived passes; its waived findings are still here to read.
    let first = true;
    for (const line of waivedLines(run, options.knownIssuesFile ?? 'known-issues')) {
        yield (0,src_escape/* xmlText */.xK)(`${first ? '\n' : ''}${line}\n`);
        first = false;
    }
    yield '</system-out>\n';
    yield '    </testcase>\n';
    yield '  </testsuite>\n';
}
/** One failed attempt that is not the verdict, as Surefire records it: message, type and its text. */
function* attemptPieces(element, attempt) {
    yield `      <${element}${attribute('message', `run ${attempt.id}: ${verdictLine(attempt)}`)}${attribute('type', attempt.result || attempt.status)}>\n`;
    yield '        <stackTrace>';
    yield* findingsText(attempt);
    yield '</stackTrace>\n';
    yield `      </${element}>\n`;
}
/** What a run found, each block escaped alone. */
function* findingsText(run) {
    for (const block of findingBlocks(run))
        yield (0,src_escape/* xmlText */.xK)(`\n${block}\n`);
}

;// CONCATENATED MODULE: ./src/report/legs-summary.ts
// The top of the job summary in reports mode: the matrix's verdict, what could not be used, what is
// missing, and a table of the legs (leg, verdict, runs, issues, flaky, waived); each leg's runs
// follow as in any summary. Everything from the legs' files is escaped. Pure.



/** Unusable files listed by name; the log and the report file list every one. */
const MAX_LISTED_PROBLEMS = 20;
function legsHeadline(report, gathered) {
    const word = matrixVerdictWords(report, gathered);
    const counts = [`**${(0,labels/* plural */.LS)(report.runs.length, 'run')}**`, ...(0,labels/* countsOf */.mQ)((0,labels/* runTotals */.zj)(report.runs))];
    return `## ${report.passed ? '✅' : '❌'} TesterArmy: ${word}\n\n${counts.join(' · ')}`;
}
/** What follows the headline: the problems, the missing legs, the legs table and why legs failed. */
function legsBlocks(report, gathered) {
    const out = [];
    const { problems } = gathered;
    if (problems.length) {
        const listed = problems
            .slice(0, MAX_LISTED_PROBLEMS)
            .map(p => `> - ${(0,src_escape/* code */.aY)(p.file, 300)} ${(0,src_escape/* markdown */.wD)(p.problem, 500)}`);
        const more = problems.length - listed.length;
        if (more > 0)
            listed.push(`> - …and ${more} more (the log and the report file list them)`);
        out.push(`> [!CAUTION]\n> **${(0,labels/* plural */.LS)(problems.length, 'file')} matched by \`reports\` could not be used**, which fails the verdict:\n${listed.join('\n')}`);
    }
    const nothing = nothingMatched(gathered);
    if (nothing) {
        out.push(`> [!CAUTION]\n> **No file matched \`reports\`** (${(0,src_escape/* code */.aY)(gathered.patterns, 500)}). ` +
            'Check the path download-artifact wrote to: relative patterns start in the workspace.');
    }
    const missing = missingClause(gathered);
    if (missing) {
        out.push(`> [!CAUTION]\n> **Missing:** ${(0,src_escape/* markdown */.wD)(missing, 2_000)} (\`expected-reports\`). ` +
            'Check that those legs ran and uploaded their report file (`if: always()` on the upload step).');
    }
    out.push(legsTable(gathered));
    const failed = gathered.legs.filter(l => !l.passed);
    if (failed.length) {
        const lines = failed.map(l => `- **${(0,src_escape/* markdown */.wD)(l.name, 100)}**: ${(0,src_escape/* markdown */.wD)(legReasons(report, l).join('; '), 1_000)}`);
        out.push(`**Why:**\n\n${lines.join('\n')}`);
    }
    if (gathered.skipped.length) {
        out.push(`<sub>Skipped: ${(0,labels/* plural */.LS)(gathered.skipped.length, 'JUnit or CTRF file')} the action wrote beside a leg's report.</sub>`);
    }
    return out;
}
function legsTable(gathered) {
    const rows = gathered.legs.map(leg => {
        const { mark, word } = legVerdictWord(leg);
        const attempt = leg.attempt > 1 ? ` (attempt ${leg.attempt})` : '';
        return `| ${(0,src_escape/* markdown */.wD)(leg.name, 100)} | ${(0,labels/* nowrap */.Ot)(`${mark} ${word}`)}${attempt} | ${leg.runs} | ${leg.issues} | ${leg.flaky} | ${leg.waived} |`;
    });
    for (const name of gathered.missing.names) {
        rows.push(`| ${(0,src_escape/* markdown */.wD)(name, 100)} | ${(0,labels/* nowrap */.Ot)(`${MISSING_WORD.mark} ${MISSING_WORD.word}`)} | – | – | – | – |`);
    }
    return [
        '| Leg | Verdict | Runs | Issues | Flaky | Waived |',
        '| --- | --- | ---: | ---: | ---: | ---: |',
        ...rows
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/report/summary.ts
// The job summary: a pure render of the report into GitHub-flavoured Markdown, within GitHub's
// size limit. All API text goes through escape.ts; nothing here trusts it.







/** The `summary` input's rule: `on-failure` writes one only when the verdict did not pass. */
const summaryWanted = (mode, passed) => mode === 'always' || (mode === 'on-failure' && !passed);
/** A duration for a table cell: `2 min 11 s` must not wrap after `min`. */
const cellDuration = (ms) => (ms === null ? '–' : (0,labels/* nowrap */.Ot)((0,duration/* formatDuration */.a)(ms)));
/**
 * What to call a run that has no feature name (failed early, skipped): its short ID. In reports
 * mode, after its leg.
 */
const runName = (run) => `${run.leg !== undefined ? `${run.leg} · ` : ''}${run.featureName || `Run ${run.id.slice(0, 8)}`}`;
function renderSummary(report, options) {
    const maxBytes = options.maxBytes ?? constants/* Limits */.xu.summaryMaxBytes;
    const bytes = (text) => Buffer.byteLength(text);
    // The ladder, re-planned at each step. First everything; then without the screenshot galleries
    // (presigned URLs run to kilobytes each, and a thumbnail matters less than an issue); then
    // without each run's description and test plan. At each step the plan keeps as many table rows
    // as fit, then the details of the most severe issues.
    const full = fit(report, options, { detailed: new Set(), maxRows: 0 }, maxBytes);
    if (full?.everything)
        return full.text;
    const galleries = report.runs.some(r => r.run?.output?.kind === 'test' && r.run.output.screenshots.length > 0);
    // Without any gallery, the next step would plan exactly the same summary again.
    const noGallery = !galleries
        ? full
        : fit(report, options, { detailed: new Set(), maxRows: 0, noGallery: true }, maxBytes);
    // Long texts go only when keeping them would leave some run without its most severe issue.
    if (noGallery && (noGallery.allRows || noGallery.maxRows >= 1))
        return noGallery.text;
    const compact = fit(report, options, { detailed: new Set(), maxRows: 0, noGallery: true, compact: true }, maxBytes);
    if (compact)
        return compact.text;
    // Last of all, whole run sections, cut between sections so no collapsed block is left open,
    // with a note saying how many runs are only in the report file.
    const pieces = renderPieces(report, options, {
        detailed: new Set(),
        maxRows: 0,
        noGallery: true,
        compact: true
    });
    const kept = [];
    let size = 0;
    const noteFor = (left) => `> [!WARNING]\n> ${(0,labels/* plural */.LS)(left, 'more section')} did not fit GitHub's 1 MiB limit and ${left === 1 ? 'is' : 'are'} left out. ` +
        `The report file ${codeSpan(options.reportPath)} (output \`report-path\`) has every run.`;
    for (const piece of pieces) {
        if (size + bytes(piece) + 2 + bytes(noteFor(pieces.length)) + 2 > maxBytes)
            break;
        kept.push(piece);
        size += bytes(piece) + 2;
    }
    return `${[...kept, noteFor(pieces.length - kept.length)].join('\n\n')}\n`;
}
/**
 * One step of the ladder: with what `chrome` keeps, as many rows and details as fit, planned by
 * adding up byte sizes instead of rendering again and again. Table rows come first (the same
 * number from every table, most severe first), then the collapsed details of issues, most severe
 * first, then those of warnings. Rows and details are rendered once each, and only as far as the
 * budget reaches, so a run with 100,000 issues costs what 1 MiB costs. Null when not even the
 * skeleton fits.
 */
function fit(report, options, chrome, maxBytes) {
    const bytes = (text) => Buffer.byteLength(text);
    const skeleton = render(report, options, { ...chrome, detailed: new Set(), maxRows: 0 });
    let used = bytes(skeleton) + LADDER_MARGIN_BYTES;
    if (used > maxBytes)
        return null;
    const tables = report.runs.flatMap(run => {
        const steps = run.run?.output?.kind === 'test' ? run.run.output.steps : [];
        return [
            { length: run.issues.length, row: (n) => issueRow(run.issues[n], n) },
            { length: run.warnings.length, row: (n) => issueRow(run.warnings[n], n) },
            { length: run.waived.length, row: (n) => waiverRow(run.waived[n], n) },
            { length: steps.length, row: (n) => stepRow(steps[n], n) }
        ];
    });
    const longest = Math.max(0, ...tables.map(t => t.length));
    let maxRows = 0;
    while (maxRows < longest) {
        const n = maxRows;
        const add = tables.reduce((sum, t) => sum + (n < t.length ? bytes(t.row(n)) + 1 : 0), 0);
        if (used + add > maxBytes)
            break;
        used += add;
        maxRows += 1;
    }
    const detailed = new Set();
    const ranked = report.runs.flatMap(r => r.issues).sort(build_report/* bySeverity */.Np);
    ranked.push(...report.runs.flatMap(r => r.warnings).sort(build_report/* bySeverity */.Np));
    if (maxRows === longest) {
        for (const issue of ranked) {
            const add = bytes(issueDetails(issue, 0)) + 2;
            if (used + add > maxBytes)
                break;
            used += add;
            detailed.add(issue);
        }
    }
    let text = render(report, options, { ...chrome, detailed, maxRows });
    // The plan is exact but for the note and the "…and N more" rows, which the margin covers; should
    // it ever fall short, give up details, then rows, until the text fits.
    while (bytes(text) > maxBytes && (detailed.size > 0 || maxRows > 0)) {
        if (detailed.size > 0)
            [...detailed].slice(-Math.ceil(detailed.size / 10)).forEach(i => detailed.delete(i));
        else
            maxRows = Math.floor(maxRows * 0.9);
        text = render(report, options, { ...chrome, detailed, maxRows });
    }
    if (bytes(text) > maxBytes)
        return null;
    const allRows = maxRows >= longest;
    return {
        text,
        maxRows,
        allRows,
        everything: allRows && detailed.size === ranked.length
    };
}
/** Room kept for the omission note and the "…and N more" rows, which the plan does not count. */
const LADDER_MARGIN_BYTES = 4_096;
function render(report, options, budget) {
    return `${renderPieces(report, options, budget).join('\n\n')}\n`;
}
/** The summary as its top-level blocks, each balanced on its own (no block spans two pieces). */
function renderPieces(report, options, budget) {
    const out = [];
    const omitted = { details: 0, rows: 0, galleries: 0 };
    const { gathered } = report;
    const single = report.runs.length === 1 && !gathered;
    out.push(gathered ? legsHeadline(report, gathered) : headline(report, options));
    if (report.fatal)
        out.push(`> [!CAUTION]\n> **The action could not finish:** ${(0,src_escape/* markdown */.wD)(report.fatal, 1_000)}`);
    if (report.cancelled) {
        out.push('> [!WARNING]\n> **The wait was cancelled** (the workflow was cancelled); runs still in progress were asked to stop.');
    }
    const callout = report.knownIssues ? knownIssuesCallout(report.knownIssues) : null;
    if (callout)
        out.push(callout);
    if (report.started?.agentNotStarted) {
        out.push(`> [!NOTE]\n> **The exploration agent was not started:** ${(0,src_escape/* markdown */.wD)(report.started.agentNotStarted, 500)}`);
    }
    if (gathered)
        out.push(...legsBlocks(report, gathered));
    else if (!single)
        out.push(overview(report));
    for (const run of report.runs) {
        out.push(runSection(run, options, budget, omitted, single));
    }
    const unseen = report.knownIssues ? entriesNotSeen(report.knownIssues, report.runs) : null;
    if (unseen)
        out.push(unseen);
    if (options.failOn === 'never' && !report.passed) {
        out.push('<sub>`fail-on: never`: this verdict does not fail the job.</sub>');
    }
    if (omitted.details || omitted.rows || omitted.galleries || budget.compact) {
        const parts = [
            omitted.details ? `the details of ${(0,labels/* plural */.LS)(omitted.details, 'issue')}` : '',
            omitted.rows ? `${(0,labels/* plural */.LS)(omitted.rows, 'row')}` : '',
            budget.compact
                ? 'the descriptions, screenshots and test plans'
                : omitted.galleries
                    ? `the screenshot ${omitted.galleries === 1 ? 'gallery' : 'galleries'}`
                    : ''
        ].filter(Boolean);
        const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0];
        // Placed right under the headline: a reader must know the list is incomplete before reading it.
        out.splice(1, 0, `> [!NOTE]\n> This summary leaves out ${list} to stay within GitHub's 1 MiB limit, ` +
            `least severe first. The report file ${codeSpan(options.reportPath)} (output \`report-path\`) has everything.`);
    }
    return out;
}
function headline(report, options) {
    if (report.runs.length === 1) {
        const run = report.runs[0];
        const { mark, word } = (0,labels/* verdictWord */.E0)({ ...run, passed: report.passed });
        const feature = run.featureName ? `: ${(0,src_escape/* markdown */.wD)(run.featureName, 200)}` : '';
        // Why, in the reader's first glance: the same words as the step's error line.
        const why = run.passed
            ? ''
            : `\n\n**${options.failOn === 'never' ? 'Verdict' : 'Fails the job'}:** ${run.reasons.join('; ')}.`;
        return `## ${mark} TesterArmy ${word}${feature}\n\n${countsLine(run)}${why}`;
    }
    if (report.runs.length === 0)
        return `## ❌ TesterArmy: no run to report`;
    const failed = report.runs.filter(r => !r.passed).length;
    const mark = report.passed ? '✅' : '❌';
    const word = report.passed
        ? `all ${report.runs.length} runs passed`
        : `${failed} of ${report.runs.length} runs did not pass`;
    return `## ${mark} TesterArmy: ${word}\n\n${(0,labels/* countsOf */.mQ)((0,labels/* runTotals */.zj)(report.runs)).join(' · ')}`;
}
function countsLine(run) {
    const parts = [];
    const counts = (0,labels/* reportedCounts */.Ae)(run);
    // Unrated issues sort first (they fail closed), but the headline names the highest known severity
    // of those not waived.
    const highest = run.issues.find(i => i.severity !== null) ?? run.issues[0];
    parts.push(`**${(0,labels/* plural */.LS)(counts.issues, 'issue')}**${highest ? ` (most severe: ${(0,labels/* severityLabel */.yi)(highest.severity)})` : ''}`);
    parts.push(`**${(0,labels/* plural */.LS)(counts.warnings, 'warning')}**`);
    if (run.waived.length)
        parts.push(`**${run.waived.length} waived** (known issues)`);
    parts.push(`**${(0,labels/* plural */.LS)(run.stepsCount, 'step')}**${run.failedStepsCount ? ` (${run.failedStepsCount} failed)` : ''}`);
    if (run.durationMs !== null)
        parts.push(`⏱ ${(0,duration/* formatDuration */.a)(run.durationMs)}`);
    return parts.join(' · ');
}
function overview(report) {
    const rows = report.runs.map(run => {
        const { mark, word } = (0,labels/* verdictWord */.E0)(run);
        const counts = (0,labels/* reportedCounts */.Ae)(run);
        const waivedIssues = counts.issues - run.issues.length;
        const waived = waivedIssues ? ` (${waivedIssues}\u00a0waived)` : '';
        return `| ${(0,labels/* nowrap */.Ot)(`${mark} ${word}`)} | ${(0,src_escape/* markdown */.wD)(runName(run), 120)} | \`${run.id.slice(0, 8)}\` | ${run.status} | ${run.result || '–'} | ${counts.issues}${waived} | ${counts.warnings} | ${cellDuration(run.durationMs)} |`;
    });
    return [
        '| Verdict | Feature | Run | Status | Result | Issues | Warnings | Duration |',
        '| --- | --- | --- | --- | --- | ---: | ---: | ---: |',
        ...rows
    ].join('\n');
}
function runSection(run, options, budget, omitted, single) {
    const h = single ? '###' : '####';
    const out = [];
    if (!single) {
        const { mark, word } = (0,labels/* verdictWord */.E0)(run);
        out.push(`### ${mark} ${(0,src_escape/* markdown */.wD)(runName(run), 200)} ${word}\n\n${countsLine(run)}`);
    }
    const problem = problemBlock(run, options);
    if (problem)
        out.push(problem);
    out.push(facts(run));
    const tried = attemptsBlock(run, budget);
    if (tried)
        out.push(tried);
    if (run.description && !budget.compact)
        out.push((0,src_escape/* markdown */.wD)(run.description, 5_000));
    for (const note of run.notes)
        out.push(`<sub>${(0,src_escape/* markdown */.wD)(note)}</sub>`);
    if (run.issues.length)
        out.push(`${h} Issues\n\n${issuesBlock(run.issues, budget, omitted)}`);
    if (run.warnings.length)
        out.push(`${h} Warnings\n\n${issuesBlock(run.warnings, budget, omitted)}`);
    if (run.waived.length) {
        const table = cappedTable(run.waived, budget, omitted, WAIVED_HEADER, waiverRow).table;
        out.push(`${h} Known issues (waived)\n\n${table}`);
    }
    const steps = run.run?.output?.kind === 'test' ? run.run.output.steps : [];
    if (steps.length)
        out.push(`${h} Steps\n\n${stepsTable(steps, budget, omitted)}`);
    const shots = run.run?.output?.kind === 'test' ? run.run.output.screenshots : [];
    const gallery = screenshots(shots);
    if (gallery && budget.noGallery)
        omitted.galleries += 1;
    else if (gallery)
        out.push(`${h} Screenshots\n\n${gallery}`);
    const plan = budget.compact ? null : testPlan(run);
    if (plan)
        out.push(plan);
    return out.join('\n\n');
}
/** Why the run did not give a normal result, shown before anything else about it. */
function problemBlock(run, options) {
    const error = run.run?.error;
    switch (run.status) {
        case 'failed': {
            const errorCode = error?.code ? ` ${(0,src_escape/* code */.aY)(error.code, 100)}` : '';
            const message = error?.message ? (0,src_escape/* markdown */.wD)(error.message, 2_000) : 'The API gave no reason.';
            return `> [!CAUTION]\n> **The run failed**${errorCode}: ${message}`;
        }
        case 'cancelled':
            return run.lastStatus === 'cancelled'
                ? '> [!WARNING]\n> **The run was cancelled** before it finished.'
                : `> [!WARNING]\n> **The wait was cancelled** while the run was ${(0,src_escape/* markdown */.wD)(run.lastStatus ?? 'not yet seen')}.`;
        case 'timed_out': {
            const last = run.lastStatus
                ? ` Its last status was **${(0,src_escape/* markdown */.wD)(run.lastStatus)}**.`
                : ' No status was ever received.';
            const fault = run.error ? ` Last error: ${(0,src_escape/* markdown */.wD)(run.error, 500)}` : '';
            // In reports mode the leg's own timeout ended it, which its report does not give.
            const after = run.leg === undefined
                ? `after ${(0,duration/* formatDuration */.a)(options.timeoutMs)}** (the \`timeout\` input)`
                : `when the leg's \`timeout\` was reached**`;
            return `> [!WARNING]\n> **Still not finished ${after}, so the action stopped waiting.${last}${fault}`;
        }
        case 'not_found':
            return `> [!CAUTION]\n> **Run not found.** ${(0,src_escape/* markdown */.wD)(run.error ?? '', 500)} Check the run ID and that the API key belongs to the same team.`;
        case 'error':
            return `> [!CAUTION]\n> **The run could not be checked.** ${(0,src_escape/* markdown */.wD)(run.error ?? '', 500)}`;
        case 'completed':
            break;
    }
    if (run.run?.output?.kind === 'planner_skipped') {
        return `> [!NOTE]\n> **Skipped:** ${(0,src_escape/* markdown */.wD)(run.run.output.reason || 'the planner found nothing user-visible to test.', 2_000)}`;
    }
    if (run.result === '')
        return '> [!WARNING]\n> **The run completed without a result.**';
    return null;
}
function facts(run) {
    const r = run.run;
    const rows = [
        ['Run', `\`${run.id}\``],
        ['Status', (0,src_escape/* markdown */.wD)(run.lastStatus ?? run.status)],
        ['Result', run.result || '–']
    ];
    if (run.origin)
        rows.push(['Started as', (0,src_escape/* markdown */.wD)(run.origin, 200)]);
    if (run.githubReporting)
        rows.push(['GitHub reporting', (0,src_escape/* markdown */.wD)(run.githubReporting, 300)]);
    if (r) {
        const platform = [r.platform, r.deviceModel].filter(Boolean).join(' · ');
        if (platform)
            rows.push(['Platform', (0,src_escape/* markdown */.wD)(platform, 100)]);
        if (r.executionMode)
            rows.push(['Mode', (0,src_escape/* markdown */.wD)(r.executionMode, 100)]);
        if (r.source)
            rows.push(['Source', (0,src_escape/* markdown */.wD)(r.source, 100)]);
        if (r.userName)
            rows.push(['Triggered by', (0,src_escape/* markdown */.wD)(r.userName, 200)]);
        if (r.durationMs !== null)
            rows.push(['Duration', (0,duration/* formatDuration */.a)(r.durationMs)]);
        if (r.createdAt)
            rows.push(['Created', timestamp(r.createdAt)]);
        if (r.completedAt)
            rows.push(['Completed', timestamp(r.completedAt)]);
        if (r.autoRetryCount)
            rows.push(['Automatic retries', String(r.autoRetryCount)]);
    }
    const table = ['| | |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
    return `<details><summary>Run details</summary>\n\n${table}\n\n</details>`;
}
/** Issues shown per failed attempt: the report file has them all. */
const MAX_ATTEMPT_ISSUES = 20;
/**
 * Every attempt of a run `retry-failed` started again: run ID, status, result, verdict; the failed
 * ones' issues collapsed. The verdict rests on the attempt marked so.
 */
function attemptsBlock(run, budget) {
    const attempts = run.attempts ?? [];
    if (attempts.length < 2)
        return null;
    const rows = attempts.map((a, n) => {
        const { mark, word } = (0,labels/* verdictWord */.E0)({ ...a, flaky: false });
        const role = a.id === run.id
            ? ' (the verdict)'
            : a.counts
                ? ''
                : a.notCounted
                    ? ` (not counted: ${(0,src_escape/* markdown */.wD)(a.notCounted, 200)})`
                    : ' (shown only: started with its group)';
        return `| ${n + 1} | \`${a.id}\` | ${(0,src_escape/* markdown */.wD)(a.lastStatus ?? a.status, 40)} | ${a.result || '–'} | ${(0,labels/* nowrap */.Ot)(`${mark} ${word}`)}${role} |`;
    });
    const table = [
        '| Attempt | Run | Status | Result | Verdict |',
        '| ---: | --- | --- | --- | --- |',
        ...rows
    ].join('\n');
    const details = budget.compact
        ? []
        : attempts.flatMap((a, n) => {
            if (a.passed || a.id === run.id || a.issues.length === 0)
                return [];
            const shown = a.issues.slice(0, MAX_ATTEMPT_ISSUES).map(i => issueRow(i, 0));
            const more = a.issues.length - shown.length;
            const rest = more > 0 ? [`| | *…and ${more} more in the report file* | |`] : [];
            const issues = ['| Severity | Issue | Page |', '| --- | --- | --- |', ...shown, ...rest];
            return [
                `<details><summary>Attempt ${n + 1} (run ${a.id.slice(0, 8)}): ${(0,src_escape/* html */.qy)(a.reasons.join('; ') || (0,labels/* plural */.LS)(a.issues.length, 'issue'), 300)}</summary>\n\n${issues.join('\n')}\n\n</details>`
            ];
        });
    return [`**Attempts** (\`retry-failed\`)\n\n${table}`, ...details].join('\n\n');
}
/** `2026-11-28 09:14:03 UTC`: an API timestamp as people read it; anything odd shown as sent. */
function timestamp(text) {
    const time = Date.parse(text);
    if (Number.isNaN(time))
        return (0,src_escape/* markdown */.wD)(text, 60);
    return new Date(time)
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, ' UTC');
}
function summary_link(url, text) {
    const href = (0,src_escape/* httpUrl */.q3)(url);
    return href ? `[${text}](<${href}>)` : text;
}
/** `shop.example.com/checkout`: short enough for a table cell, still tells where. */
function pageLabel(url) {
    const href = (0,src_escape/* httpUrl */.q3)(url);
    if (!href)
        return url ? (0,src_escape/* markdown */.wD)(url, 80) : '–';
    const parsed = new URL(href);
    return (0,src_escape/* markdown */.wD)(`${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`, 80);
}
function issuesBlock(issues, budget, omitted) {
    const { shown, table } = cappedTable(issues, budget, omitted, ['| Severity | Issue | Page |', '| --- | --- | --- |'], issueRow);
    const details = [];
    for (const issue of shown) {
        if (budget.detailed.has(issue))
            details.push(issueDetails(issue, 0));
        else
            omitted.details += 1;
    }
    return [table, ...details].join('\n\n');
}
/**
 * A table of the first `budget.maxRows` items, counted in `omitted`, with a last row saying how
 * many more are in the report file; that row's cells follow the header's column count.
 */
function cappedTable(items, budget, omitted, header, row) {
    const shown = items.slice(0, budget.maxRows);
    omitted.rows += items.length - shown.length;
    const lines = [...header, ...shown.map(row)];
    if (shown.length < items.length) {
        const columns = header[0].split('|').length - 2;
        const rest = ' |'.repeat(columns - 2);
        lines.push(`| | *…and ${items.length - shown.length} more in the report file* |${rest}`);
    }
    return { shown, table: lines.join('\n') };
}
/**
 * Rows and details are rendered once per issue or step and reused: the budget ladder renders the
 * summary several times, and escaping is the costly part.
 */
function memo(render) {
    const cache = new WeakMap();
    return (key, index) => {
        let text = cache.get(key);
        if (text === undefined) {
            text = render(key, index);
            cache.set(key, text);
        }
        return text;
    };
}
const waiverRow = memo((waiver) => waivedRow(waiver, url => summary_link(url, pageLabel(url))));
const issueRow = memo((i) => `| ${(0,labels/* nowrap */.Ot)((0,labels/* severityLabel */.yi)(i.severity))} | ${(0,src_escape/* markdown */.wD)(i.name || 'Unnamed issue', 300)} | ${summary_link(i.url, pageLabel(i.url))} |`);
const issueDetails = memo((issue) => {
    const parts = [];
    if (issue.description)
        parts.push((0,src_escape/* markdown */.wD)(issue.description, 4_000));
    if (issue.reproductionSteps.length) {
        const steps = issue.reproductionSteps
            .slice(0, 50)
            .map((s, n) => `${n + 1}. ${(0,src_escape/* markdown */.wD)(s, 500)}`);
        parts.push(`**Steps to reproduce**\n\n${steps.join('\n')}`);
    }
    if (issue.expectedBehavior)
        parts.push(`**Expected:** ${(0,src_escape/* markdown */.wD)(issue.expectedBehavior, 1_000)}`);
    if (issue.actualBehavior)
        parts.push(`**Actual:** ${(0,src_escape/* markdown */.wD)(issue.actualBehavior, 1_000)}`);
    const page = (0,src_escape/* httpUrl */.q3)(issue.url);
    if (page)
        parts.push(`**Page:** ${summary_link(issue.url, (0,src_escape/* markdown */.wD)(issue.url, 300))}`);
    const shot = thumbnail(issue.screenshotUrl, `Screenshot: ${issue.name}`, 400);
    if (shot)
        parts.push(shot);
    const title = `${(0,labels/* severityLabel */.yi)(issue.severity)} · ${(0,src_escape/* html */.qy)(issue.name || 'Unnamed issue', 300)}`;
    return `<details><summary>${title}</summary>\n\n${parts.join('\n\n') || '*No details.*'}\n\n</details>`;
});
/** A thumbnail linking to the full image; nothing at all for a URL that is not http(s). */
/**
 * A thumbnail linking to the full image. https only (GitHub proxies images, and a screenshot URL
 * is expected to be https); a URL too long to be sane is left out rather than cut into a broken one.
 */
function thumbnail(url, alt, width) {
    const href = (0,src_escape/* httpUrl */.q3)(url);
    if (!href || !href.startsWith('https://') || href.length > MAX_IMAGE_URL)
        return null;
    const src = (0,src_escape/* html */.qy)(href, MAX_IMAGE_URL);
    return `<a href="${src}"><img src="${src}" alt="${(0,src_escape/* html */.qy)(alt, 200)}" width="${width}"></a>`;
}
function stepDuration(step) {
    const { startedAtMs: start, completedAtMs: end } = step;
    return start !== null && end !== null && end >= start ? cellDuration(end - start) : '–';
}
const stepRow = memo((step, n) => {
    const status = step.status === 'passed'
        ? '✅\u00a0passed'
        : step.status === 'failed'
            ? '❌\u00a0failed'
            : (0,src_escape/* markdown */.wD)(step.status || '–', 40);
    const error = [step.errorCode ? (0,src_escape/* code */.aY)(step.errorCode, 80) : '', (0,src_escape/* markdown */.wD)(step.error, 500)]
        .filter(Boolean)
        .join(' ');
    const number = step.stepIndex === null ? n + 1 : step.stepIndex + 1;
    return `| ${number} | ${(0,src_escape/* markdown */.wD)(step.title || '–', 300)} | ${(0,src_escape/* markdown */.wD)(step.type || '–', 40)} | ${status} | ${stepDuration(step)} | ${error} |`;
});
function stepsTable(steps, budget, omitted) {
    return cappedTable(steps, budget, omitted, ['| # | Step | Type | Status | Duration | Error |', '| ---: | --- | --- | --- | ---: | --- |'], stepRow).table;
}
/** Presigned URLs run long; beyond this a URL is not a screenshot link anyone meant. */
const MAX_IMAGE_URL = 4_000;
/** More thumbnails than this stop helping a reader; the report file lists every screenshot. */
const MAX_SCREENSHOTS = 50;
function screenshots(urls) {
    const safe = urls.filter(u => thumbnail(u, '', 0) !== null);
    const thumbs = safe
        .slice(0, MAX_SCREENSHOTS)
        .map((url, n) => thumbnail(url, `Screenshot ${n + 1}`, 200));
    if (thumbs.length === 0)
        return null;
    const more = safe.length - thumbs.length;
    return thumbs.join(' ') + (more > 0 ? `\n\n*…and ${more} more in the report file.*` : '');
}
function testPlan(run) {
    const plan = run.run?.testPlan;
    if (!plan)
        return null;
    const parts = [];
    if (plan.instructions)
        parts.push((0,src_escape/* markdown */.wD)(plan.instructions, 4_000));
    const meta = [
        plan.complexity ? `**Complexity:** ${(0,src_escape/* markdown */.wD)(plan.complexity, 40)}` : '',
        plan.changeType ? `**Change type:** ${(0,src_escape/* markdown */.wD)(plan.changeType, 40)}` : ''
    ].filter(Boolean);
    if (meta.length)
        parts.push(meta.join(' · '));
    if (plan.focusAreas.length)
        parts.push(`**Focus areas:** ${plan.focusAreas
            .slice(0, 50)
            .map(a => (0,src_escape/* markdown */.wD)(a, 200))
            .join(', ')}`);
    if (plan.steps.length) {
        parts.push(plan.steps
            .slice(0, 50)
            .map((s, n) => `${n + 1}. ${s.type ? `*${(0,src_escape/* markdown */.wD)(s.type, 40)}*: ` : ''}${(0,src_escape/* markdown */.wD)(s.title, 500)}`)
            .join('\n'));
    }
    return `<details><summary>Test plan</summary>\n\n${parts.join('\n\n')}\n\n</details>`;
}
function codeSpan(text) {
    // A report path is ours, not the API's, but may still hold a backtick.
    return `<code>${(0,src_escape/* html */.qy)(text, 500)}</code>`;
}

;// CONCATENATED MODULE: ./src/report/publish.ts
// Everything the user sees of a finished report: the JSON, JUnit and CTRF files, the step outputs,
// the job summary, the annotations, the pull-request comment and the step's last line, each
// scrubbed of the secrets.




















/**
 * `setExitLine` tells the lifecycle what the step's last line must say should the runner's cancel
 * end the process before publishing is done.
 */
async function publish(report, settings, context, postComment, appBuild = null, setExitLine = () => undefined) {
    const files = await writeReportFiles(report, settings, context);
    const reportPath = files.report;
    const cancelledAfter = (done, missing) => setExitLine(`TesterArmy: the workflow was cancelled; ${done} written, but ${missing} did not finish in time.`);
    const file = reportPath ? 'the report file' : '';
    if (file)
        cancelledAfter(`${file} was`, 'the outputs and the summary');
    for (const [name, value] of Object.entries(outputsOf(report, reportPath, files)))
        core/* setOutput */.uH(name, (0,redact/* redact */.E$)(value, settings));
    cancelledAfter(file ? `${file} and the outputs were` : 'the outputs were', 'the summary');
    if (summaryWanted(settings.summary, report.passed))
        writeSummary(report, settings, context, reportPath, appBuild);
    const done = file
        ? `${file}, the outputs and the summary were`
        : 'the outputs and the summary were';
    cancelledAfter(done, 'the annotations');
    if (settings.annotations) {
        for (const note of planAnnotations(report)) {
            const title = (0,redact/* redact */.E$)(note.title, settings);
            const message = (0,redact/* redact */.E$)(note.message, settings);
            if (note.level === 'error')
                core/* error */.z3(message, { title });
            else if (note.level === 'warning')
                core/* warning */.$e(message, { title });
            else
                core/* notice */.lm(message, { title });
        }
    }
    if (settings.comment === 'auto' && report.started?.testerArmyComments) {
        core/* info */.pq(`comment is auto, and TesterArmy comments on pull request #${context.prNumber ?? '?'} itself: no second comment from this step.`);
    }
    else if (settings.comment !== 'off') {
        cancelledAfter(done, 'the pull-request comment');
        await commentOnPullRequest(report, settings, context, postComment);
    }
}
/**
 * The exploration agent found nothing to test (no pull request, a deployment that did not
 * succeed): one notice, status `skipped`, a one-line summary, and the step passes.
 */
function publishSkipped(reason, settings, context) {
    core/* notice */.lm(`Nothing to test: ${reason} Nothing was started.`, {
        title: 'TesterArmy exploration agent'
    });
    const outputs = outputsOf((0,build_report/* buildReport */.FK)([], settings), '');
    outputs[constants/* Outputs */.tY.Status] = 'skipped';
    outputs[constants/* Outputs */.tY.Passed] = 'true';
    for (const [name, value] of Object.entries(outputs))
        core/* setOutput */.uH(name, value);
    if (summaryWanted(settings.summary, true) && context.summaryPath) {
        try {
            (0,external_node_fs_.appendFileSync)(context.summaryPath, (0,redact/* redact */.E$)(`### ⏭️ TesterArmy: nothing to test\n\n${(0,src_escape/* markdown */.wD)(reason, 1_000)} Nothing was started.\n`, settings));
        }
        catch (error) {
            core/* warning */.$e(`Could not write the job summary: ${error.message}`);
        }
    }
    core/* info */.pq('TesterArmy verdict: skipped (no pull request to test); the step passes.');
}
/** The report file's path, or '' when it could not be written (a warning says why). */
async function writeReportFiles(report, settings, context) {
    const path = settings.reportPath;
    const written = { report: '', junit: '', ctrf: '' };
    try {
        ensureDir((0,external_node_path_.dirname)(path));
        await writeReportJson(path, report, settings, {
            leg: settings.leg,
            commit: report.gathered?.commit || context.sha,
            pullRequest: report.started?.prNumber ?? context.prNumber,
            workflowRun: { id: context.runId, attempt: context.runAttempt }
        });
        written.report = path;
    }
    catch (error) {
        core/* warning */.$e(`Could not write the JSON report to ${path}: ${error.message}`);
        return written;
    }
    const options = {
        apiUrl: settings.apiUrl,
        workflowRunUrl: context.runUrl,
        // The process began when the step did: the CTRF run's start. From process.uptime(), not
        // performance.timeOrigin: the global `performance` loads perf_hooks (eight of Node's modules,
        // 2 % of a plain wait's cold start) for this one number.
        startedAt: Date.now() - process.uptime() * 1000,
        finishedAt: Date.now(),
        ...(report.knownIssues ? { knownIssuesFile: report.knownIssues.file } : {})
    };
    const paths = formatPaths(path);
    for (const [format, pieces] of [
        ['junit', junitPieces(report, options)],
        ['ctrf', ctrfPieces(report, options)]
    ]) {
        try {
            await writeFileBeside(paths[format], pieces, text => (0,redact/* redact */.E$)(text, settings));
            written[format] = paths[format];
        }
        catch (error) {
            const name = format === 'junit' ? 'JUnit XML' : 'CTRF';
            core/* warning */.$e(`Could not write the ${name} report to ${paths[format]}: ${error.message}`);
        }
    }
    return written;
}
/**
 * The report file, written piece by piece (see `reportJsonPieces`: cut only where no secret can
 * straddle two pieces, so each piece is scrubbed alone) so a huge body is never one string. A body
 * nested too deep for JSON.stringify is written by `reportJson`, its deepest levels left out.
 */
async function writeReportJson(path, report, settings, head) {
    const scrub = (text) => (0,redact/* redact */.E$)(text, settings);
    try {
        await writeFileBeside(path, reportJsonPieces(report, head), scrub);
    }
    catch (error) {
        if (!(error instanceof RangeError))
            throw error;
        await writeFileBeside(path, [reportJson(report, head)], scrub);
    }
}
function writeSummary(report, settings, context, reportPath, appBuild) {
    // The build's block goes last, its bytes kept out of the runs' 1 MiB budget.
    const block = appBuild ? `\n${renderAppBuild(appBuild)}` : '';
    const maxBytes = constants/* Limits */.xu.summaryMaxBytes - Buffer.byteLength(block);
    writeMarkdown(renderSummary(report, { ...settings, reportPath, maxBytes }) + block, {
        settings,
        context
    });
}
function writeMarkdown(markdown, { settings, context }) {
    if (!context.summaryPath) {
        core/* info */.pq('GITHUB_STEP_SUMMARY is not set (not running on a GitHub runner): no job summary written.');
        return;
    }
    try {
        // Appended synchronously, not with @actions/core's summary.write(), whose asynchronous file
        // calls go through libuv's thread pool (and start it, when no DNS lookup has: about 2 % of a
        // plain wait's cold start against an IP api-url). The file and what is appended are the same.
        (0,external_node_fs_.appendFileSync)(context.summaryPath, (0,redact/* redact */.E$)(markdown, settings));
    }
    catch (error) {
        core/* warning */.$e(`Could not write the job summary: ${error.message}`);
    }
}
/**
 * Upload only (`app-path` alone): the build's outputs are already set; the summary says what was
 * uploaded, and the step passes.
 */
function publishUploadOnly(build, settings, context) {
    core/* setOutput */.uH(constants/* Outputs */.tY.Passed, 'true');
    if (summaryWanted(settings.summary, true)) {
        const markdown = `## ✅ TesterArmy: build uploaded\n\nNo run was started (app-path alone only uploads).\n\n${renderAppBuild(build)}`;
        writeMarkdown(markdown, { settings, context });
    }
    core/* info */.pq(`TesterArmy: build uploaded as app ${build.app.id}; no run was started.`);
}
const COMMENT_TITLE = { title: 'TesterArmy comment' };
/** One comment per workflow job on the pull request; never fails the step, says what happened. */
async function commentOnPullRequest(report, settings, context, postComment) {
    if (!settings.githubToken) {
        core/* notice */.lm('comment is true, but github-token is empty (secrets are not given to pull requests from forks): no comment was written.', COMMENT_TITLE);
        return;
    }
    if (context.prNumber === null || !context.owner) {
        core/* notice */.lm('comment is true, but this workflow run is not for a pull request: no comment was written.', COMMENT_TITLE);
        return;
    }
    const parts = {
        workflow: context.workflow,
        job: context.job,
        start: settings.start,
        agent: settings.agent,
        reports: settings.reports !== null
    };
    const marker = commentMarker(parts);
    // A comment an earlier version wrote with target-url or app-id in its marker is updated too.
    const before = commentMarker(parts, { asBefore: true });
    let result;
    try {
        result = await postComment({
            token: settings.githubToken,
            apiUrl: context.apiUrl,
            owner: context.owner,
            repo: context.repo,
            prNumber: context.prNumber,
            marker,
            ...(before !== marker ? { earlierMarkers: [before] } : {}),
            body: (0,redact/* redact */.E$)(renderComment(report, marker, context.runUrl), settings)
        });
    }
    catch (error) {
        result = { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
    const pr = `pull request #${context.prNumber}`;
    if (result.kind === 'created' || result.kind === 'updated') {
        core/* info */.pq(`${result.kind === 'created' ? 'Commented on' : 'Updated the comment on'} ${pr}: ${result.url}`);
    }
    else if (result.kind === 'forbidden') {
        core/* notice */.lm(`Could not comment on ${pr}: the token may not write there (${(0,src_escape/* logText */.kc)((0,redact/* redact */.E$)(result.message, settings), 200)}). ` +
            `Pull requests from forks get a read-only token; otherwise give the job permissions: pull-requests: write.`, COMMENT_TITLE);
    }
    else if (result.kind === 'failed') {
        core/* warning */.$e(`Could not comment on ${pr}: ${(0,src_escape/* logText */.kc)((0,redact/* redact */.E$)(result.message, settings), 300)}`, COMMENT_TITLE);
    }
}
/**
 * `mkdir -p`, one level at a time. Node's own `recursive: true` loops forever where the kernel
 * answers ENOENT for a parent that exists (a path under /proc, seen on Node 20 and 24).
 */
function ensureDir(dir) {
    try {
        (0,external_node_fs_.mkdirSync)(dir);
    }
    catch (error) {
        const code = error.code;
        if (code === 'EEXIST')
            return;
        if (code !== 'ENOENT' || (0,external_node_path_.dirname)(dir) === dir)
            throw error;
        ensureDir((0,external_node_path_.dirname)(dir));
        try {
            (0,external_node_fs_.mkdirSync)(dir);
        }
        catch (again) {
            if (again.code !== 'EEXIST')
                throw again;
        }
    }
}
/**
 * run()'s catch-all, once the inputs are read: the report, outputs and summary say `error` with
 * the message as their fatal line, so later steps still see why. Never throws: it runs after
 * something already went wrong, and the caller's failed line must still come.
 */
async function publishUnexpected(message, settings, context, postComment) {
    try {
        const report = (0,build_report/* buildReport */.FK)([], settings, {
            fatal: `the action failed unexpectedly: ${message}`
        });
        await publish(report, settings, context, postComment);
    }
    catch (error) {
        core/* debug */.Yz(`The report of the unexpected failure could not be published: ${String(error)}`);
    }
}
/**
 * The step's last word: one line saying the verdict, and why when it fails. `cancelled`: the
 * runner cancelled the step, even if only after the report was built (while it was being
 * published): the step must then fail, whatever the verdict.
 */
function conclude(report, settings, cancelled = false) {
    const several = report.runs.length > 1;
    const runsWhy = report.runs
        .filter(r => !r.passed)
        .map(r => {
        const name = several
            ? `run ${r.id}${r.featureName ? ` (${(0,src_escape/* logText */.kc)(r.featureName, 80)})` : ''}: `
            : '';
        // A user reading only the log must see why a run failed: its own error code and message.
        const runError = r.run?.error;
        const detail = r.status === 'timed_out' && r.error
            ? ` (last error: ${(0,src_escape/* logText */.kc)(r.error, 200)})`
            : r.status === 'failed' && runError
                ? ` (${(0,src_escape/* logText */.kc)([runError.code, runError.message].filter(Boolean).join(': '), 300).replace(/\.$/, '')})`
                : '';
        return `${name}${r.reasons.join('; ')}${detail}`;
    })
        .join('; ');
    // Reports mode: which legs failed and why, what is missing, which files could not be used.
    const why = report.gathered ? matrixWhyLine(report, report.gathered) : runsWhy;
    if (report.fatal) {
        core/* setFailed */.C1((0,redact/* redact */.E$)(`TesterArmy: ${(0,src_escape/* logText */.kc)(report.fatal, 500)}`, settings));
    }
    else if (report.cancelled || cancelled) {
        core/* setFailed */.C1('TesterArmy: the wait was cancelled because the workflow was cancelled.');
    }
    else if (!report.passed && settings.failOn !== 'never') {
        core/* setFailed */.C1((0,redact/* redact */.E$)(`TesterArmy verdict: failed: ${why}.`, settings));
    }
    else if (!report.passed) {
        core/* info */.pq((0,redact/* redact */.E$)(`TesterArmy verdict: failed (${why}); fail-on is never, so the step passes.`, settings));
    }
    else {
        const skipped = report.result === 'SKIPPED';
        const flaky = report.flakyCount
            ? ` (${report.flakyCount === 1 ? '1 flaky run' : `${report.flakyCount} flaky runs`}: failed, then passed on a retry)`
            : '';
        // A pass that rests on waivers says so: a log reader must not take it for a clean run.
        const waived = (0,labels/* runTotals */.zj)(report.runs).waived;
        const known = waived
            ? ` (${waived === 1 ? '1 finding' : `${waived} findings`} waived by known-issues)`
            : '';
        core/* info */.pq(`TesterArmy verdict: ${skipped ? 'passed (skipped: nothing user-visible to test)' : 'passed'}${flaky}${known}.`);
    }
}
/** Says it on the runner: the log line, then each notice and warning as an annotation. */
function announceKnownIssues(knownIssues) {
    for (const note of knownIssuesNotes(knownIssues)) {
        if (note.level === 'info')
            core/* info */.pq(note.message);
        else if (note.level === 'notice')
            core/* notice */.lm(note.message, KNOWN_ISSUES_TITLE);
        else
            core/* warning */.$e(note.message, KNOWN_ISSUES_TITLE);
    }
}

;// CONCATENATED MODULE: ./src/report/legs-status.ts


function matrixStatus(report, gathered, fit) {
    const totals = (0,labels/* runTotals */.zj)(report.runs);
    const legs = (0,labels/* plural */.LS)(legCount(gathered), 'leg');
    const flaky = totals.flaky ? `, ${totals.flaky} flaky` : '';
    const counts = `${(0,labels/* plural */.LS)(report.runs.length, 'run')}, ${(0,labels/* plural */.LS)(totals.issues, 'issue')}, ${(0,labels/* plural */.LS)(totals.warnings, 'warning')}${flaky}`;
    if (report.passed)
        return { state: 'success', description: fit(`Passed: ${legs}, ${counts}`) };
    const failed = gathered.legs.filter(l => !l.passed);
    const unfinished = failed.filter(l => legVerdictWord(l).mark === '⚠️');
    const couldNotTell = gathered.missing.count > 0 || gathered.problems.length > 0 || unfinished.length > 0;
    const named = failed.map(l => `${l.name} ${legVerdictWord(l).word}`);
    const missing = missingClause(gathered);
    const clauses = [
        ...(named.length ? [`${named.join(', ')} (of ${legs})`] : []),
        ...(missing ? [missing] : []),
        ...(gathered.problems.length
            ? [`${(0,labels/* plural */.LS)(gathered.problems.length, 'report')} not usable`]
            : [])
    ];
    return {
        state: couldNotTell ? 'error' : 'failure',
        description: fit(`${couldNotTell ? 'Error' : 'Failed'}: ${clauses.join('; ') || 'no leg reported'}`)
    };
}

;// CONCATENATED MODULE: ./src/report/status-text.ts
// What the commit status says: its state from the verdict, and a description within GitHub's 140
// characters with the verdict and the counts. Pure.



/**
 * GitHub refuses a status whose description is longer than this ("description is too long
 * (maximum is 140 characters)", HTTP 422), and then the required check never reports.
 */
const STATUS_DESCRIPTION_MAX = 140;
/**
 * One line within `max` UTF-16 code units (never more characters than GitHub counts), cut with `…`
 * and never between the two halves of a surrogate pair (an emoji in a reason stays whole or goes).
 */
function fitDescription(text, max = STATUS_DESCRIPTION_MAX) {
    const line = (0,src_escape/* clean */.uH)(text).replace(/\s+/g, ' ').trim();
    if (line.length <= max)
        return line;
    let end = max - 1;
    const last = line.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff)
        end--;
    return `${line.slice(0, end)}…`;
}
const pendingDescription = (runCount) => fitDescription(`Waiting for ${(0,labels/* plural */.LS)(runCount, 'TesterArmy run')}`);
/**
 * `success` when the verdict passes, `failure` when it fails on what the runs found, `error` when
 * the action could not tell (timed out, cancelled, not found, an error).
 */
function statusOfReport(report, 
/** Scrubs secrets, before the cut: a key cut in half would no longer be found. */
scrub = text => text) {
    const fit = (text) => fitDescription(scrub(text));
    if (report.gathered)
        return matrixStatus(report, report.gathered, fit);
    const totals = (0,labels/* runTotals */.zj)(report.runs);
    const runs = (0,labels/* plural */.LS)(report.runs.length, 'run');
    // A run that failed and then passed on a retry is said: the status is what reviewers read.
    const flaky = totals.flaky ? `, ${totals.flaky} flaky` : '';
    const counts = `${(0,labels/* plural */.LS)(totals.issues, 'issue')}, ${(0,labels/* plural */.LS)(totals.warnings, 'warning')}${flaky}`;
    if (report.passed) {
        return { state: 'success', description: fit(`Passed: ${runs}, ${counts}`) };
    }
    const count = (status) => report.runs.filter(r => r.status === status).length;
    const unfinished = count('timed_out');
    const couldNotTell = report.cancelled || report.fatal !== null || report.status !== 'completed';
    if (couldNotTell && report.status !== 'failed') {
        const why = report.cancelled
            ? 'Cancelled: the workflow was cancelled'
            : report.status === 'timed_out'
                ? report.runs.length
                    ? `Timed out: ${unfinished} of ${runs} did not finish`
                    : 'Timed out before any run started'
                : report.status === 'cancelled' && !report.fatal
                    ? `Cancelled: ${count('cancelled')} of ${runs} cancelled`
                    : report.status === 'not_found'
                        ? `Error: ${(0,labels/* plural */.LS)(count('not_found'), 'run')} not found`
                        : `Error: ${report.fatal ?? report.runs.find(r => r.error)?.error ?? 'the runs could not be checked'}`;
        return { state: 'error', description: fit(why) };
    }
    const worst = Math.max(0, ...report.runs.map(r => r.maxSeverity));
    const severity = worst ? ` (worst severity ${worst})` : '';
    const found = `${(0,labels/* plural */.LS)(totals.issues, 'issue')}${severity}, ${(0,labels/* plural */.LS)(totals.warnings, 'warning')}${flaky}`;
    return { state: 'failure', description: fit(`Failed: ${found} in ${runs}`) };
}

;// CONCATENATED MODULE: ./src/report/commit-status.ts
// The commit status of the tested commit (`commit-status: true`): `pending` when the wait begins,
// then the verdict, which goes before anything else is published. All posts together hold the step
// at most 30 s once the wait is over; after the runner's cancel the verdict is tried again until
// shortly before the hard exit. A refusal is one warning naming `statuses: write`; it never changes
// the verdict.






/**
 * After the runner's cancel the process exits within seconds: short tries, soon repeated (a single
 * 502 must not leave the status pending), as many as fit before the exit.
 */
const CANCELLED_CALL = { attempts: 10, callTimeoutMs: 1_500, backoffMs: 250 };
class CommitStatusReporter {
    options;
    poster;
    pendingPost = Promise.resolve(true);
    /** A refusal stands for the whole step: one warning, and nothing more is sent. */
    refused = false;
    /** Aborted when the time all posts get is up: ends a pending post still going. */
    held = new AbortController();
    constructor(options) {
        this.options = options;
    }
    /** Posted beside the wait, not before it: a slow GitHub must not delay the runs' first poll. */
    pending(sha, runCount, signal) {
        this.pendingPost = this.post(sha, { state: 'pending', description: pendingDescription(runCount) }, { signal: AbortSignal.any([signal, this.held.signal]) });
    }
    /**
     * The verdict, once the pending status (if any) is out, so GitHub keeps them in that order. From
     * now on the step waits on GitHub: the rest of the pending post and this one end within
     * `Limits.statusTimeoutMs`, and after the runner's cancel shortly before the hard exit
     * (`exitAt`), leaving the rest of the time to the files. True when the verdict was posted.
     */
    async final(sha, report, { cancelled, exitAt = null }) {
        const until = Math.min(Date.now() + constants/* Limits */.xu.statusTimeoutMs, exitAt === null ? Number.POSITIVE_INFINITY : exitAt - constants/* Limits */.xu.statusBeforeExitMs);
        const timer = setTimeout(() => this.held.abort(), Math.max(0, until - Date.now()));
        try {
            await this.pendingPost;
            const { state, description } = statusOfReport(report, this.options.redact);
            return await this.post(sha, { state, description }, { until, ...(cancelled ? CANCELLED_CALL : {}) });
        }
        finally {
            clearTimeout(timer);
        }
    }
    /** True when posted. */
    async post(sha, status, call = {}) {
        if (this.refused)
            return false;
        const short = sha.slice(0, 12);
        if (!sha) {
            this.refused = true;
            core/* warning */.$e('commit-status is on, but this event names no commit to put the status on (an issue comment, waiting on run-id, or GitHub did not say the pull request’s commit): no commit status was posted.', { title: 'TesterArmy commit status' });
            return false;
        }
        const { options } = this;
        let answer;
        try {
            this.poster ??= options.client({
                token: options.token,
                apiUrl: options.apiUrl,
                owner: options.owner,
                repo: options.repo,
                onRequest: line => core/* debug */.Yz(line)
            });
            answer = await (await this.poster)(sha, { ...status, context: options.context, targetUrl: options.targetUrl }, call);
        }
        catch (error) {
            answer = { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
        }
        if (answer.kind === 'posted') {
            core/* info */.pq(`Commit status "${options.context}" on ${short}: ${status.state}.`);
            return true;
        }
        // A pending post cut because the time all posts get was up, not by the runner's cancel.
        const cut = this.held.signal.aborted && answer.kind === 'failed' && status.state === 'pending'
            ? `no answer from GitHub within the ${(0,duration/* formatDuration */.a)(constants/* Limits */.xu.statusTimeoutMs)} all commit statuses get`
            : answer.message;
        const why = options.redact((0,src_escape/* logText */.kc)(cut, 300));
        if (answer.kind === 'refused') {
            this.refused = true;
            core/* warning */.$e(`The commit status "${options.context}" could not be posted on ${short} (${why}): the token needs ` +
                `permissions: statuses: write. The verdict is not changed by this.`, { title: 'TesterArmy commit status' });
            return false;
        }
        core/* warning */.$e(`The commit status "${options.context}" (${status.state}) could not be posted on ${short} (${why}). ` +
            'The verdict is not changed by this.', { title: 'TesterArmy commit status' });
        return false;
    }
}
/** The reporter when `commit-status` is on (Octokit is loaded at its first post), else null. */
function commitStatusReporter(settings, context, client) {
    if (!settings.commitStatus)
        return null;
    return new CommitStatusReporter({
        context: settings.commitStatus.context,
        token: settings.githubToken,
        apiUrl: context.apiUrl,
        owner: context.owner,
        repo: context.repo,
        targetUrl: context.runUrl,
        client,
        redact: text => (0,redact/* redact */.E$)(text, settings)
    });
}

// EXTERNAL MODULE: ./src/verdict/known-issues.ts
var known_issues = __nccwpck_require__(751);
;// CONCATENATED MODULE: ./src/start/begin.ts
/** The build of `app-path`, checked on disk before any request; nothing to check without it. */
async function checkBuild(settings) {
    if (!settings.upload)
        return { kind: 'none' };
    return (await __nccwpck_require__.e(/* import() */ 173).then(__nccwpck_require__.bind(__nccwpck_require__, 2173))).checkBuild(settings);
}
/** Starts what the inputs ask for; run IDs alone start nothing: every one of them is waited for. */
async function startEverything(options) {
    const { settings, context } = options;
    if (settings.start || settings.agent || settings.upload) {
        return (await __nccwpck_require__.e(/* import() */ 173).then(__nccwpck_require__.bind(__nccwpck_require__, 2173))).startEverything(options);
    }
    return {
        kind: 'started',
        ids: settings.runIds,
        cancelledIds: [],
        origins: new Map(),
        facts: { batchId: '', prNumber: null, githubReporting: '', testerArmyComments: false },
        context,
        appBuild: null,
        agentRunIds: [],
        sent: { start: null, agent: null }
    };
}
/**
 * A run the API cancelled as the group started (a duplicate, the quota) is never polled: it is
 * reported as cancelled, with that reason.
 */
function cancelledAtStart(id) {
    return {
        id,
        status: 'cancelled',
        run: null,
        body: null,
        lastStatus: 'cancelled',
        error: 'TesterArmy cancelled this run as the group started (for example a duplicate or the quota)',
        cancelledByUser: false
    };
}

// EXTERNAL MODULE: ./src/wait/wait-log.ts
var wait_log = __nccwpck_require__(6695);
;// CONCATENATED MODULE: ./src/wait/cancel-runs.ts


/** A run started but never waited for (a later start failed): unfinished, so it is cancelled. */
const notWaitedFor = (id) => ({
    id,
    status: 'cancelled',
    lastStatus: null
});
/**
 * The runs the wait gave up on (timeout or the runner's cancel) while the API had not finished
 * them: the ones still spending, which `cancel-on-abort` asks the API to stop.
 */
function unfinishedRuns(runs) {
    return runs.filter(o => (o.status === 'timed_out' || o.status === 'cancelled') &&
        !constants/* TERMINAL_STATUSES */.CM.includes(o.lastStatus ?? ''));
}
/**
 * Best effort, all at once, within 3 s: a run nobody waits for should not keep spending. A group's
 * runs go with one batch cancel; whatever it did not cover (the agent's run, or everything when it
 * failed) is cancelled run by run, inside the same 3 s.
 */
async function cancelUnfinished(options) {
    const { api, clock } = options;
    const unfinished = unfinishedRuns(options.runs);
    if (unfinished.length === 0)
        return;
    (0,wait_log/* logCancelling */.f4)(options.cancelled, unfinished.length);
    const until = clock.now() + constants/* Limits */.xu.cancelRequestTimeoutMs;
    const left = () => Math.max(1, until - clock.now());
    const cancelOne = async (id) => (0,wait_log/* logCancelAnswer */.xE)(id, await api.cancelRun(id, { timeoutMs: left() }));
    const batchOf = (id) => options.batches.find(b => b.runIds.includes(id));
    const alone = unfinished.filter(o => !batchOf(o.id));
    const cancelBatch = async (batchId) => {
        const inBatch = unfinished.filter(o => batchOf(o.id)?.batchId === batchId);
        if (inBatch.length === 0)
            return;
        const answer = await api.cancelBatch(batchId, { timeoutMs: left() });
        (0,wait_log/* logBatchCancelAnswer */.V3)(batchId, answer);
        const covered = 'covered' in answer ? answer.covered : [];
        const rest = inBatch.filter(o => !covered.includes(o.id));
        // A request with no time left could only end as "no answer within 1 ms": say so once instead.
        if (rest.length > 0 && until - clock.now() < constants/* Limits */.xu.cancelMinBudgetMs) {
            return (0,wait_log/* logNoTimeLeft */.Iy)(rest.length);
        }
        await Promise.all(rest.map(o => cancelOne(o.id)));
    };
    await Promise.all([
        ...options.batches.map(b => cancelBatch(b.batchId)),
        ...alone.map(o => cancelOne(o.id))
    ]);
}

// EXTERNAL MODULE: ./src/wait/poller.ts + 1 modules
var poller = __nccwpck_require__(5940);
;// CONCATENATED MODULE: ./src/start/wait-phase.ts
// After the starts: waiting for every run, starting failed ones again (`retry-failed`) inside the
// same deadline, and cancelling what nobody waits for any more; the first attempts come back in
// the order given, with what the retries did.





async function waitForRuns(options) {
    const { begun, settings, api, clock, deadline, signal } = options;
    if (begun.kind === 'ended') {
        // A start failed after the agent's run had started: nobody will wait for it, so it is stopped.
        if (settings.cancelOnAbort) {
            const runs = begun.agentRunIds.map(notWaitedFor);
            await cancelUnfinished({ api, clock, runs, cancelled: signal.aborted, batches: [] });
        }
        const { fatal, cancelled, timedOut } = begun;
        return {
            outcomes: [],
            retried: null,
            end: { fatal, cancelled, ...(timedOut ? { timedOut } : {}) }
        };
    }
    // 1. Every run the API did not cancel at once.
    const toWait = begun.ids.filter(id => !begun.cancelledIds.includes(id));
    options.onWaitBegins?.(toWait.length);
    (0,wait_log/* startWaitGroup */.Ng)(toWait, settings);
    const timing = { api, clock, pollIntervalMs: settings.pollIntervalMs, deadline, signal };
    const polled = await (0,poller/* pollRuns */.q)({ ...timing, runIds: toWait, log: wait_log/* pollLog */.eV });
    core/* endGroup */.N4();
    // 2. Runs whose own verdict failed, started again with the request that started them.
    //    Their code is loaded only then: a plain wait never evaluates it.
    const retried = settings.retryFailed > 0 && !polled.fatal && !signal.aborted
        ? await (await __nccwpck_require__.e(/* import() */ 952).then(__nccwpck_require__.bind(__nccwpck_require__, 952))).retryFailed({
            ...timing,
            retries: settings.retryFailed,
            failed: options.failed,
            outcomes: polled.outcomes,
            sent: begun.sent,
            log: (await __nccwpck_require__.e(/* import() */ 931).then(__nccwpck_require__.bind(__nccwpck_require__, 8931))).retryLog
        })
        : null;
    // 3. Whatever the wait or a retry left unfinished (the timeout, the runner's cancel) is stopped:
    //    each group start's runs with its batch, any other run alone.
    if (settings.cancelOnAbort) {
        const start = begun.sent.start;
        const batches = [
            ...(begun.facts.batchId && start
                ? [{ batchId: begun.facts.batchId, runIds: start.runIds }]
                : []),
            ...(retried?.batches ?? [])
        ];
        const runs = [...polled.outcomes, ...(retried?.started ?? [])];
        await cancelUnfinished({ api, clock, runs, cancelled: signal.aborted, batches });
    }
    const fatal = polled.fatal ?? retried?.fatal ?? null;
    return {
        // A run cancelled at start was never waited for.
        outcomes: begun.ids.map(id => polled.outcomes.find(o => o.id === id) ?? cancelledAtStart(id)),
        retried,
        end: { fatal, cancelled: signal.aborted }
    };
}

;// CONCATENATED MODULE: ./src/workflow-context.ts
// What the workflow run tells us about itself: the commit, the pull request, where its summary is.
// Read from the runner's environment and event payload, without loading @actions/github. The
// action's own code reads process.env only here and hands the environment on, so tests pass their
// own (@actions/core still reads the runner's files and inputs from it, as it must).

/** The process's environment, as the runner set it. */
const runnerEnv = () => process.env;
const isObject = (value) => typeof value === 'object' && value !== null;
function readWorkflowContext(env, readFile = path => (0,external_node_fs_.readFileSync)(path, 'utf8')) {
    let payload = {};
    let payloadError;
    if (env.GITHUB_EVENT_PATH) {
        // Without a payload the environment alone describes the run; the exploration agent, which
        // needs the pull request from it, fails on payloadError rather than finding nothing to test.
        const file = JSON.stringify(env.GITHUB_EVENT_PATH);
        try {
            const parsed = JSON.parse(readFile(env.GITHUB_EVENT_PATH));
            if (isObject(parsed) && !Array.isArray(parsed))
                payload = parsed;
            else
                payloadError = `the event file ${file} is not a JSON object`;
        }
        catch (error) {
            const reason = error.code ?? error.message;
            payloadError = `the event file ${file} could not be read (${reason.slice(0, 200)})`;
        }
    }
    const pr = isObject(payload.pull_request) ? payload.pull_request : null;
    // An issue comment on a pull request names the pull request through `issue.pull_request`.
    const issue = isObject(payload.issue) && isObject(payload.issue.pull_request) ? payload.issue : null;
    const number = pr?.number ?? issue?.number;
    const head = isObject(pr?.head) ? pr.head : null;
    const prNumber = typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : null;
    const headSha = typeof head?.sha === 'string' ? head.sha : '';
    const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
    const eventName = env.GITHUB_EVENT_NAME ?? '';
    const headRepo = isObject(head?.repo) ? head.repo : null;
    const headName = typeof headRepo?.full_name === 'string' ? headRepo.full_name : '';
    // Compared by name: `head.repo.fork` is also true for a branch of a repository that is itself a
    // fork. A head repository that is gone (null) was a fork that has been deleted.
    const fromFork = eventName === 'pull_request' &&
        pr !== null &&
        (headRepo === null
            ? head !== null && 'repo' in head
            : headName !== '' && headName.toLowerCase() !== (env.GITHUB_REPOSITORY ?? '').toLowerCase());
    const forkRepository = fromFork ? headName || 'a deleted fork' : '';
    const server = env.GITHUB_SERVER_URL || 'https://github.com';
    const attempt = env.GITHUB_RUN_ATTEMPT && env.GITHUB_RUN_ATTEMPT !== '1'
        ? `/attempts/${env.GITHUB_RUN_ATTEMPT}`
        : '';
    return {
        // GITHUB_SHA of a pull request event is a merge commit nobody sees; of an issue comment, the
        // default branch. Without the head commit, send none rather than a wrong one.
        sha: headSha || eventCommit(eventName, payload) || (prNumber === null ? env.GITHUB_SHA || '' : ''),
        prNumber,
        owner,
        repo,
        // The workflow file (two workflows may share a display name), else its name.
        workflow: env.GITHUB_WORKFLOW_REF?.replace(/@.*$/, '') || env.GITHUB_WORKFLOW || '',
        job: env.GITHUB_JOB ?? '',
        runUrl: env.GITHUB_RUN_ID && owner
            ? `${server}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}${attempt}`
            : '',
        runId: env.GITHUB_RUN_ID ?? '',
        runAttempt: /^[1-9]\d{0,8}$/.test(env.GITHUB_RUN_ATTEMPT ?? '')
            ? Number(env.GITHUB_RUN_ATTEMPT)
            : 1,
        apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
        summaryPath: env.GITHUB_STEP_SUMMARY ?? '',
        eventName,
        payload,
        ...(payloadError ? { payloadError } : {}),
        forkRepository,
        baseSha: baseCommit(payload),
        onDefaultBranch: onDefaultBranch(eventName, env.GITHUB_REF ?? '', payload)
    };
}
/**
 * The commit an event is about when it is not GITHUB_SHA: a workflow_run runs on the default
 * branch but was triggered by its `head_sha` (a pull request's head); a merge queue tests its
 * queue commit; a deployment, the commit deployed.
 */
function eventCommit(eventName, payload) {
    const field = EVENT_COMMITS[eventName];
    const holder = field ? payload[field[0]] : undefined;
    const sha = field && isObject(holder) ? holder[field[1]] : undefined;
    return typeof sha === 'string' ? sha : '';
}
/** Events that run on the ref they name, with no pull request of their own. */
const BRANCH_EVENTS = new Set(['push', 'workflow_dispatch', 'repository_dispatch']);
/**
 * Whether the run is on the default branch itself: a schedule always is; a push or a manual run
 * when GITHUB_REF is the branch the payload names as the repository's default.
 */
function onDefaultBranch(eventName, ref, payload) {
    if (eventName === 'schedule')
        return true;
    if (!BRANCH_EVENTS.has(eventName))
        return false;
    const repository = isObject(payload.repository) ? payload.repository : null;
    const branch = typeof repository?.default_branch === 'string' ? repository.default_branch : '';
    return branch !== '' && ref === `refs/heads/${branch}`;
}
/** The base commit an event names: its pull request's, a merge queue's, a workflow_run's. */
function baseCommit(payload) {
    const runs = isObject(payload.workflow_run) ? payload.workflow_run.pull_requests : undefined;
    const pull = isObject(payload.pull_request)
        ? payload.pull_request
        : Array.isArray(runs) && isObject(runs[0])
            ? runs[0]
            : null;
    const base = isObject(pull?.base) ? pull.base.sha : undefined;
    if (typeof base === 'string')
        return base;
    const queue = isObject(payload.merge_group) ? payload.merge_group.base_sha : undefined;
    return typeof queue === 'string' ? queue : '';
}
const EVENT_COMMITS = {
    workflow_run: ['workflow_run', 'head_sha'],
    merge_group: ['merge_group', 'head_sha'],
    deployment_status: ['deployment', 'sha']
};

;// CONCATENATED MODULE: ./src/main.ts
// The action's run(), as the story of a run: read the inputs, check the build, start everything
// they ask for (find the pull request, upload the build, start the runs), wait for the runs, start
// failed ones again, cancel what nobody waits for, build the report, publish it everywhere a user
// looks, and end the step.














const defaults = {
    clock: systemClock,
    api: settings => new ApiClient({
        apiUrl: settings.apiUrl,
        apiKey: settings.apiKey,
        onRequest: line => core/* debug */.Yz(line)
    }),
    signals: process,
    // GitHub's code is loaded only when a comment, a pull-request lookup or a commit status needs it.
    comment: async (target) => (await __nccwpck_require__.e(/* import() */ 695).then(__nccwpck_require__.bind(__nccwpck_require__, 2695))).upsertComment(target),
    env: runnerEnv(),
    pulls: async (options) => (await __nccwpck_require__.e(/* import() */ 695).then(__nccwpck_require__.bind(__nccwpck_require__, 2695))).createPullsClient(options),
    statuses: async (options) => (await __nccwpck_require__.e(/* import() */ 695).then(__nccwpck_require__.bind(__nccwpck_require__, 2695))).createStatusClient(options),
    files: async (options) => (await __nccwpck_require__.e(/* import() */ 695).then(__nccwpck_require__.bind(__nccwpck_require__, 2695))).createRepositoryFiles(options)
};
/** Never throws: whatever goes wrong ends as one readable `::error::` line and a failed step. */
async function run(overrides = {}) {
    const deps = { ...defaults, ...overrides };
    // What waitAndReport has read so far, for the catch-all's report.
    const parsed = {};
    try {
        await waitAndReport(deps, parsed);
    }
    catch (error) {
        const raw = error instanceof Error ? error.message : String(error);
        const message = parsed.settings ? (0,redact/* redact */.E$)(raw, parsed.settings) : raw;
        core/* debug */.Yz(error instanceof Error && error.stack ? error.stack : message);
        // Later steps still read `status: error` and the reason, as when a start fails.
        if (parsed.settings && parsed.context) {
            await publishUnexpected(message, parsed.settings, parsed.context, deps.comment);
            await parsed.failStatus?.(message);
        }
        core/* setFailed */.C1(`TesterArmy action failed unexpectedly: ${message}`);
    }
}
async function waitAndReport(deps, parsed) {
    // 1. Read the inputs: a bad one is one error line each, before any request.
    const context = readWorkflowContext(deps.env);
    let settings;
    try {
        settings = parseSettings({
            read: core/* getInput */.V4,
            env: deps.env,
            onSecret: core/* setSecret */.Pq,
            event: {
                name: context.eventName,
                ...(context.forkRepository ? { forkRepository: context.forkRepository } : {})
            }
        });
    }
    catch (error) {
        if (!(error instanceof InputErrors))
            throw error;
        for (const inputError of error.errors)
            core/* setFailed */.C1(inputError.message);
        return;
    }
    Object.assign(parsed, { settings, context });
    if (settings.reports)
        return gatherAndReport(deps, parsed, settings, settings.reports, context);
    const { clock } = deps;
    // The file of known issues and the build (app-path) are checked on disk before any request,
    // like inputs.
    const knownIssues = await readKnownIssues(settings, (0,known_issues/* utcDay */.dA)(clock.now()));
    if (knownIssues?.ok === false)
        return core/* setFailed */.C1(knownIssues.message);
    const checked = await checkBuild(settings);
    if (checked.kind === 'refused')
        return core/* setFailed */.C1(checked.message);
    const build = checked.kind === 'ready' ? checked.build : null;
    const deadline = clock.now() + settings.timeoutMs;
    const api = deps.api(settings);
    const lifecycle = watchCancellation(deps.signals, deps.held);
    const { signal } = lifecycle;
    try {
        // 2. Start everything the inputs ask for: find the pull request, upload the build, start the
        //    agent and the runs of a test or group.
        const begun = await startEverything({
            settings,
            context,
            build,
            api,
            clock,
            deadline,
            signal,
            tempDir: deps.env.RUNNER_TEMP || (0,external_node_os_namespaceObject.tmpdir)(),
            pulls: deps.pulls
        });
        if (begun.kind === 'skipped')
            return publishSkipped(begun.reason, settings, context);
        if (begun.kind === 'upload-only')
            return publishUploadOnly(begun.build, settings, context);
        const status = commitStatusReporter(settings, begun.context, deps.statuses);
        parsed.failStatus = fatal => status?.final(begun.context.sha, (0,build_report/* buildReport */.FK)([], settings, { fatal }), {
            cancelled: signal.aborted,
            exitAt: lifecycle.exitAt()
        });
        // Which entries may waive is known before any run is judged (retry-failed judges them as
        // they finish): the base commit's copy says which ones the pull request adds.
        const waivers = knownIssues
            ? await knownIssues.module.settleKnownIssues({
                input: knownIssues.input,
                entries: knownIssues.entries,
                context: begun.context,
                githubToken: settings.githubToken,
                files: deps.files,
                today: (0,known_issues/* utcDay */.dA)(clock.now()),
                signal,
                onRequest: line => core/* debug */.Yz(line)
            })
            : null;
        if (waivers)
            announceKnownIssues(waivers);
        const policy = { ...settings, waivers };
        // 3. Wait for every run (the commit status says so meanwhile), start again those whose own
        //    verdict failed (retry-failed), and stop what nobody waits for any more: the step was
        //    cancelled or timed out, or a start failed after the agent's run had started.
        const waited = await waitForRuns({
            begun,
            settings,
            api,
            clock,
            deadline,
            signal,
            failed: outcome => (0,build_report/* ownVerdictFailed */.$l)(outcome, policy),
            onWaitBegins: count => status?.pending(begun.context.sha, count, signal)
        });
        // 4. Report on every run, in the order given, each with its attempts.
        const report = (0,build_report/* buildReport */.FK)(waited.outcomes, policy, {
            ...waited.end,
            ...(waited.retried ? { retried: waited.retried } : {})
        });
        report.started = begun.facts;
        for (const run of report.runs) {
            const first = run.attempts?.[0]?.id ?? run.id;
            const origin = begun.kind === 'started' ? begun.origins.get(first) : undefined;
            if (origin)
                run.origin = origin.origin;
            if (origin?.reporting)
                run.githubReporting = origin.reporting;
        }
        // 5. Publish it (the commit status first) and end the step on the verdict.
        await publishWithStatus(report, {
            settings,
            context: begun.context,
            sha: begun.context.sha,
            status,
            lifecycle,
            comment: deps.comment,
            appBuild: begun.appBuild
        });
        conclude(report, settings, signal.aborted);
    }
    finally {
        lifecycle.dispose();
    }
}
/**
 * Publishes the report, the commit status first: one left pending blocks a merge for good, so no
 * file, summary or comment may delay it (or, after a cancel, the exit).
 */
async function publishWithStatus(report, options) {
    const { status, lifecycle, settings } = options;
    if (status) {
        lifecycle.setExitLine('TesterArmy: the workflow was cancelled; neither the commit status nor the report could be written in time.');
        const posted = await status.final(options.sha, report, {
            cancelled: lifecycle.signal.aborted,
            exitAt: lifecycle.exitAt()
        });
        lifecycle.setExitLine(`TesterArmy: the workflow was cancelled; ${posted ? 'the commit status was posted, but ' : ''}the report could not be written in time.`);
    }
    await publish(report, settings, options.context, options.comment, options.appBuild, lifecycle.setExitLine);
}
/**
 * The workspace's file of known issues, read and checked before any request (its code, with the
 * YAML parser, is a chunk loaded only then); null without `known-issues`.
 */
async function readKnownIssues(settings, today) {
    if (!settings.knownIssues)
        return null;
    const module = await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(679)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6679));
    const loaded = await module.loadKnownIssues(settings.knownIssues, today);
    if (!loaded.ok)
        return loaded;
    return { ok: true, entries: loaded.entries, input: settings.knownIssues, module };
}
/**
 * Reports mode: the last job of a matrix reads the legs' report files (no request to TesterArmy)
 * and publishes them as one run of the action would: one summary, one comment, one commit status.
 */
async function gatherAndReport(deps, parsed, settings, request, context) {
    const lifecycle = watchCancellation(deps.signals, deps.held);
    const { signal } = lifecycle;
    try {
        const status = commitStatusReporter(settings, context, deps.statuses);
        parsed.failStatus = fatal => status?.final(context.sha, (0,build_report/* buildReport */.FK)([], settings, { fatal }), {
            cancelled: signal.aborted,
            exitAt: lifecycle.exitAt()
        });
        // Its own chunk, with @actions/glob and Ajv: no other use of the action loads them.
        const { gatherReports } = await Promise.all(/* import() */[__nccwpck_require__.e(229), __nccwpck_require__.e(680)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3680));
        core/* startGroup */.Oh('Reading the legs’ reports');
        let report;
        try {
            report = await gatherReports({
                request,
                own: { runId: context.runId, commit: context.sha },
                cwd: process.cwd(),
                log: line => core/* info */.pq(line)
            });
        }
        finally {
            core/* endGroup */.N4();
        }
        await publishWithStatus(report, {
            settings,
            context,
            sha: report.gathered?.commit || context.sha,
            status,
            lifecycle,
            comment: deps.comment,
            appBuild: null
        });
        conclude(report, settings, signal.aborted);
    }
    finally {
        lifecycle.dispose();
    }
}

;// CONCATENATED MODULE: ./src/index.ts
// The action's entry point: everything happens in run(), which never throws. Modules are evaluated
// in the order they are imported: early-signals first, so a cancel that comes while the rest loads
// is held, and run() ends the step as cancelled instead of the process dying without outputs.


void run({ held: heldSignals });

