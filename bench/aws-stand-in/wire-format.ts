/**
 * The stand-in's side of the AWS wire protocols the SDK speaks for lateral's calls: query
 * protocol with XML answers (EC2, IAM, STS, RDS), REST XML (S3), JSON (Organizations, Lambda).
 */

/** An answer before it is put on the wire: data, or an AWS error. */
export type Answer = { data: Record<string, unknown> } | { error: AwsError };

export interface AwsError {
  code: string;
  message: string;
  status: number;
}

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * Element XML for a value whose keys are already the wire names. Arrays become a wrapper
 * element holding one `memberName` element per item (`item` for EC2, `member` for IAM).
 */
export function toXml(name: string, value: unknown, memberName: string): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) {
    const items = value.map((item) => toXml(memberName, item, memberName)).join('');
    return `<${name}>${items}</${name}>`;
  }
  if (typeof value === 'object') {
    const children = Object.entries(value)
      .map(([key, child]) => toXml(key, child, memberName))
      .join('');
    return `<${name}>${children}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

function fields(data: Record<string, unknown>, memberName: string): string {
  return Object.entries(data)
    .map(([key, value]) => toXml(key, value, memberName))
    .join('');
}

const xmlHeaders = { 'content-type': 'text/xml' };

export function ec2Response(action: string, answer: Answer, requestId: string): WireResponse {
  if ('error' in answer) {
    const { code, message, status } = answer.error;
    return {
      status,
      headers: xmlHeaders,
      body:
        `<Response><Errors><Error><Code>${code}</Code><Message>${escapeXml(message)}</Message>` +
        `</Error></Errors><RequestID>${requestId}</RequestID></Response>`,
    };
  }
  return {
    status: 200,
    headers: xmlHeaders,
    body:
      `<${action}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">` +
      `<requestId>${requestId}</requestId>${fields(answer.data, 'item')}</${action}Response>`,
  };
}

/** IAM, STS and RDS: `<XResponse><XResult>...</XResult></XResponse>`, lists of `member`. */
export function queryResponse(action: string, answer: Answer, requestId: string): WireResponse {
  if ('error' in answer) {
    const { code, message, status } = answer.error;
    return {
      status,
      headers: xmlHeaders,
      body:
        `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code>` +
        `<Message>${escapeXml(message)}</Message></Error><RequestId>${requestId}</RequestId>` +
        '</ErrorResponse>',
    };
  }
  return {
    status: 200,
    headers: xmlHeaders,
    body:
      `<${action}Response><${action}Result>${fields(answer.data, 'member')}</${action}Result>` +
      `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>` +
      `</${action}Response>`,
  };
}

/** S3's REST XML: the root element is named by the caller; errors are `<Error>`. */
export function s3Response(root: string | null, answer: Answer, memberName: string): WireResponse {
  if ('error' in answer) {
    const { code, message, status } = answer.error;
    return {
      status,
      headers: xmlHeaders,
      body: `<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error>`,
    };
  }
  // GetBucketPolicy answers with the policy document itself.
  if (root === null) {
    return {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: String(answer.data['Policy']),
    };
  }
  const text = answer.data['#text'];
  const inner = typeof text === 'string' ? escapeXml(text) : fields(answer.data, memberName);
  return {
    status: 200,
    headers: xmlHeaders,
    body: `<${root} xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${inner}</${root}>`,
  };
}

/** JSON 1.1 (Organizations) and REST JSON (Lambda). */
export function jsonResponse(answer: Answer, protocol: 'json' | 'rest-json'): WireResponse {
  const contentType = protocol === 'json' ? 'application/x-amz-json-1.1' : 'application/json';
  if ('error' in answer) {
    const { code, message, status } = answer.error;
    return {
      status,
      headers: { 'content-type': contentType, 'x-amzn-errortype': code },
      body: JSON.stringify({ __type: code, message }),
    };
  }
  return {
    status: 200,
    headers: { 'content-type': contentType },
    body: JSON.stringify(answer.data),
  };
}

/** The protocol's throttling error, which the SDK retries. */
export function throttlingError(service: string): AwsError {
  switch (service) {
    case 'ec2':
      return { code: 'RequestLimitExceeded', message: 'Request limit exceeded.', status: 503 };
    case 's3':
      return { code: 'SlowDown', message: 'Please reduce your request rate.', status: 503 };
    case 'lambda':
      return { code: 'TooManyRequestsException', message: 'Rate exceeded', status: 429 };
    case 'organizations':
      return { code: 'TooManyRequestsException', message: 'Rate exceeded', status: 400 };
    default:
      return { code: 'Throttling', message: 'Rate exceeded', status: 400 };
  }
}
