// Writes each package's jest totals to reports/<package>.json, so scripts/run-tests.mjs can print one line
// for the whole workspace ("N passed, N failed"), and its slowest tests, so their time budgets can be kept at
// three times what they take (a busy machine is slower).
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
      slowest: results.testResults
        .flatMap((suite) =>
          suite.testResults.map((test) => ({
            test: `${path.relative(this.rootDir, suite.testFilePath)} › ${test.title}`,
            ms: test.duration ?? 0,
          })),
        )
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 5),
    };
    fs.writeFileSync(path.join(dir, `${pkg.replace(/[@/]/g, '_')}.json`), JSON.stringify(totals));
  }
}

module.exports = JestTotalsReporter;
