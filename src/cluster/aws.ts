// The aws CLI, used only for read-only queries (EC2, EKS, VPC Lattice): argv arrays, profile and region
// from the settings, and sign-in problems explained in one sentence.

import { ClusterError } from './errors';
import { runProcess, SILENT_LOG, type ClusterLog } from './process';
import { Redactor } from './redact';
import type { ClusterSettings } from './settings';
import { checkPrintable, checkRegion, printable } from './validate';

export class Aws {
  constructor(
    readonly settings: ClusterSettings,
    readonly log: ClusterLog = SILENT_LOG,
    readonly redactor: Redactor = new Redactor(),
  ) {}

  argv(args: string[], region?: string): string[] {
    const { settings } = this;
    const result = [...args, '--output', 'json'];
    if (settings.awsProfile)
      result.push(
        `--profile=${checkPrintable(settings.awsProfile, 'AWS profile name', settings.hints.awsProfile)}`,
      );
    const chosenRegion = settings.awsRegion || region;
    if (chosenRegion) result.push(`--region=${checkRegion(chosenRegion, settings.hints.awsRegion)}`);
    return result;
  }

  /** `permission`: the IAM action the call needs, named when AWS denies it. */
  async json<T>(
    args: string[],
    options: { region?: string; signal?: AbortSignal; permission?: string } = {},
  ): Promise<T> {
    const result = await runProcess({
      executable: this.settings.awsPath,
      args: this.argv(args, options.region),
      timeoutMs: this.settings.timeoutSeconds * 1000,
      signal: options.signal,
      env: { ...(this.settings.env ?? process.env), AWS_PAGER: '' },
      log: this.log,
      redactor: this.redactor,
      toolName: 'aws',
      pathHint: this.settings.hints.awsPath,
    });
    if (result.exitCode !== 0)
      throw this.explain(result.stderr, result.exitCode, options.permission ?? 'ec2:DescribeInstances');
    try {
      return JSON.parse(result.stdout) as T;
    } catch {
      throw new ClusterError(
        'command-failed',
        `aws ${args.slice(0, 2).join(' ')} returned output that is not JSON; see the EKS Networking log.`,
      );
    }
  }

  private explain(rawStderr: string, exitCode: number, permission: string): ClusterError {
    const stderr = this.redactor.redact(rawStderr);
    const profile = this.settings.awsProfile ? ` --profile ${printable(this.settings.awsProfile)}` : '';
    if (
      /Unable to locate credentials|could not be found|ExpiredToken|expired|InvalidClientTokenId|AuthFailure|UnrecognizedClientException|Error loading SSO Token|Token has expired|SignatureDoesNotMatch/i.test(
        stderr,
      )
    ) {
      return new ClusterError(
        'aws-not-signed-in',
        `The aws CLI is not signed in (${firstLine(stderr)}); run "aws sso login${profile}" or "aws configure${profile}", or set ${this.settings.hints.awsProfile}.`,
      );
    }
    if (/UnauthorizedOperation|AccessDenied|not authorized/i.test(stderr)) {
      return new ClusterError(
        'aws-forbidden',
        `AWS denied the request (${firstLine(stderr)}); the identity needs IAM permission "${permission}".`,
      );
    }
    if (/You must specify a region/i.test(stderr)) {
      return new ClusterError(
        'invalid-input',
        `The aws CLI has no region; set ${this.settings.hints.awsRegion} or AWS_REGION.`,
      );
    }
    return new ClusterError(
      'command-failed',
      `aws failed (exit code ${exitCode}): ${firstLine(stderr) || 'no error output'}`,
    );
  }
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .find(Boolean) ?? ''
  );
}
