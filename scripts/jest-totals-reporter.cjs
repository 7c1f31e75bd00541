// Writes each package's jest totals to reports/<package>.json, so scripts/run-tests.mjs can print one line
// for the whole workspace ("N passed, N failed").
const fs = require('node:fs');
const path = require('node:path');

class JestTotalsReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const pkg = JSON.parse(fs.readFileSync(path.join(this.rootDir, 'package.json'), 'utf8')).name;
    const dir = process.env.LAMAN_REPORT_DIR || path.resolve(__dirname, '..', 'reports');
    fs.mkdirSync(dir, { recursive: true });
    const totals = {
      package: pkg,
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
      suites: results.numTotalTestSuites,
    };
    fs.writeFileSync(path.join(dir, `${pkg.replace(/[@/]/g, '_')}.json`), JSON.stringify(totals));
  }
}

module.exports = JestTotalsReporter;
