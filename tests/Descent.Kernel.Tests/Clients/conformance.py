#!/usr/bin/env python3
"""Runs jupyter_kernel_test (Debian's python3-jupyter-kernel-test) against a kernel and prints one JSON summary.

    conformance.py --kernel NAME

Every sample attribute of KernelTests is set, so no test has a reason to skip; the summary lists passes, failures,
errors and skips (sub-tests included) so that Descent.Kernel.Tests can fail on any of them. The kernel is found
through JUPYTER_PATH.
"""
import argparse
import inspect
import json
import sys
import unittest
from queue import Empty

import jupyter_kernel_test
from jupyter_client.utils import run_sync

WARM_UP_SECONDS = 300


class Recorder(unittest.TextTestResult):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.passed, self.subtests_passed, self.records = [], 0, []

    def addSuccess(self, test):
        super().addSuccess(test)
        self.passed.append(test.id())

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is None:
            self.subtests_passed += 1
        else:
            kind = "failure" if issubclass(err[0], test.failureException) else "error"
            self.records.append({"kind": kind, "test": subtest.id(), "detail": self._exc_info_to_string(err, test)})

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self.records.append({"kind": "failure", "test": test.id(), "detail": self._exc_info_to_string(err, test)})

    def addError(self, test, err):
        super().addError(test, err)
        self.records.append({"kind": "error", "test": test.id(), "detail": self._exc_info_to_string(err, test)})

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self.records.append({"kind": "skip", "test": test.id(), "detail": reason})


def make_case(kernel):
    class DescentKernelTests(jupyter_kernel_test.KernelTests):
        kernel_name = kernel
        language_name = "csharp"
        file_extension = ".cs"

        code_hello_world = 'Console.WriteLine("hello, world");'
        code_stderr = 'Console.Error.WriteLine("to stderr");'

        completion_samples = [
            {"text": "Console.WriteL", "matches": {"WriteLine"}},
            {"text": "Math.Sqr", "matches": {"Sqrt"}},
            {"text": "var descentCompletionSample = 1; descentCompletionS", "matches": {"descentCompletionSample"}},
        ]

        complete_code_samples = ["1 + 1", "var x = 3;", "Console.WriteLine(\"a\");"]
        incomplete_code_samples = ["for (var i = 0; i < 3; i++) {", "var s = Math.Max(1,"]
        invalid_code_samples = ["int 1x = 3;"]

        code_page_something = "Math.Sqrt?"
        code_generate_error = 'throw new InvalidOperationException("conformance");'

        code_execute_result = [
            {"code": "6 * 7", "result": "42"},
            {"code": "\"descent\".ToUpper()", "result": "DESCENT"},
            {"code": "1.5 + 1", "result": "2.5"},
        ]
        code_display_data = [
            {"code": 'display("shown");', "mime": "text/plain"},
            {"code": 'display("<b>bold</b>", "text/html");', "mime": "text/html"},
        ]
        supported_history_operations = ("tail", "range", "search")
        # Matches exactly one of the distinct inputs above ("6 * 7"), as test_history's unique sub-test requires.
        code_history_pattern = "6 ? 7"

        code_inspect_sample = "Math.Max"
        code_clear_output = "Output.Clear();"

        @classmethod
        def setUpClass(cls):
            super().setUpClass()
            # The suite gives each request 15 s; the engine's first compilation can take longer on a loaded machine,
            # so wait for it here (an unstored, silent cell), then start from empty channels.
            cls.kc.execute_interactive("1", silent=True, store_history=False, timeout=WARM_UP_SECONDS)
            for channel in (cls.kc.shell_channel, cls.kc.iopub_channel):
                while True:
                    try:
                        run_sync(channel.get_msg)(timeout=0.5)
                    except Empty:
                        break

    return DescentKernelTests


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kernel", required=True)
    args = parser.parse_args()
    case = make_case(args.kernel)
    # Attributes the installed jupyter_kernel_test reads that this file does not set would let a test skip unseen.
    unset = sorted(name for name, value in inspect.getmembers(jupyter_kernel_test.KernelTests)
                   if (name.startswith("code_") or name.endswith("_samples")) and not value
                   and getattr(case, name) == value)
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(case)
    runner = unittest.TextTestRunner(stream=sys.stderr, verbosity=2, resultclass=Recorder)
    result = runner.run(suite)
    summary = {
        "version": jupyter_kernel_test.__version__,
        "tests_run": result.testsRun,
        "passed": result.passed,
        "subtests_passed": result.subtests_passed,
        "records": result.records,
        "unset_attributes": unset,
    }
    sys.stdout.write("\n@@JSON@@" + json.dumps(summary) + "\n")


if __name__ == "__main__":
    main()
